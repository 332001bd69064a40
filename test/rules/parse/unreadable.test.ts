// parse/unreadable: a listed file that cannot be read is a finding, not a crash and not a pass.
// (Tests may run as root, where chmod 000 does not stop reads, so the source fails on purpose.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/check/validate.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import { parseInstant } from '../../../src/common/time.js';
import { messageOf } from '../../../src/common/result.js';

const acme = fileURLToPath(new URL('../../../examples/acme/identities', import.meta.url));
const now = parseInstant('2026-11-23')!;
const files = {
  'identities/org.yaml': readFileSync(`${acme}/org.yaml`, 'utf8'),
  'identities/payments/ledger-writer.yaml': readFileSync(`${acme}/payments/ledger-writer.yaml`, 'utf8'),
  // org.yaml declares the factory CA for Vault cert auth: without its file that is a finding of its own.
  'certificates/factory-ca.pem': readFileSync(`${acme}/../certificates/factory-ca.pem`, 'utf8'),
};

class Denied extends MemorySource {
  override async read(path: string, max?: number) {
    if (path.endsWith('ledger-writer.yaml'))
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    return super.read(path, max);
  }
}

describe('parse/unreadable', () => {
  it('good: readable files', async () => {
    const r = await validate(new MemorySource(files), { paths: ['identities'], now });
    expect(r.ok && r.value.findings.filter((f) => f.rule === 'parse/unreadable')).toEqual([]);
  });

  it('bad: permission denied is a finding at 1:1, and the run goes on', async () => {
    const r = await validate(new Denied(files), { paths: ['identities'], now });
    if (!r.ok) throw new Error(messageOf(r));
    expect(r.value.findings.map((f) => [f.rule, f.file, f.line, f.column, f.messageId, f.message])).toEqual([
      [
        'parse/unreadable',
        'identities/payments/ledger-writer.yaml',
        1,
        1,
        'unreadable',
        'cannot read the file: permission denied; nothing in it was checked',
      ],
    ]);
    expect(r.value.identities).toBe(1);
  });
});
