// idac offboard through the built CLI: the hand-over report, --write editing the owner in place
// (whole files compared: only the owner line may change), validate asking for the new successor
// afterwards, and the refusals.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../rules/harness.js';
import { ACME, acmeCopy, read } from './acme.js';
import { idac, repo, STACK_TRACE } from './cli.js';

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';

describe('idac offboard (built CLI)', () => {
  it('lists every role a person holds, in a stable order (JSON)', () => {
    const r = idac(['offboard', 'Alice@ACME.example', '--dir', ACME, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      person: 'Alice@ACME.example',
      identities: [
        { identity: 'ledger-writer', file: 'identities/payments/ledger-writer.yaml', status: 'active', roles: ['reviewer'], proposal: {}, needs: ['new-review'] },
        { identity: 'nightly-recon', file: 'identities/payments/nightly-recon.yaml', status: 'decommissioned', roles: ['successor'], proposal: {}, needs: ['new-successor'] },
        { identity: 'settlement-reader', file: READER, status: 'active', roles: ['owner'], proposal: { 'spec.stewardship.owner': 'bob@acme.example' }, needs: ['new-successor'] },
      ],
      org: { teams: ['payments'], securityOwner: false },
      invalid: [],
    });
  });

  it('--write hands the identity to its successor, keeps every other byte, prints the diff; validate then asks for a successor', () => {
    const dir = acmeCopy();
    const before = new Map(['payments/ledger-writer.yaml', 'payments/nightly-recon.yaml', 'payments/settlement-reader.yaml', 'data/legacy-etl.yaml'].map((f) => [f, read(dir, `identities/${f}`)]));
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(read(dir, READER)).toBe(edit(before.get('payments/settlement-reader.yaml')!, '    owner: alice@acme.example\n', '    owner: bob@acme.example\n'));
    for (const f of ['payments/ledger-writer.yaml', 'payments/nightly-recon.yaml', 'data/legacy-etl.yaml']) expect(read(dir, `identities/${f}`), f).toBe(before.get(f));
    expect(r.stdout).toContain('Wrote 1 manifest: the successor is now the owner.');
    expect(r.stdout.slice(r.stdout.indexOf('--- a/'))).toBe([
      `--- a/${READER}\t`,
      `+++ b/${READER}\t`,
      '@@ -12,3 +12,3 @@',
      '   stewardship:',
      '-    owner: alice@acme.example',
      '+    owner: bob@acme.example',
      '     successor: bob@acme.example',
      '',
    ].join('\n'));
    // The new owner needs a new successor, and CODEOWNERS (which names owners) wants regenerating.
    const v = JSON.parse(idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']).stdout);
    expect(v.findings.map((f: { rule: string; file: string; line: number }) => `${f.file}:${f.line} ${f.rule}`)).toEqual([`${READER}:13 codeowners/stale`, `${READER}:14 stewardship/successor-not-owner`]);
  });

  it('--write on a hand-written manifest: comments, quotes and blank lines survive; --format json carries the diff', () => {
    const manifest = readFileSync(join(ACME, READER), 'utf8')
      .replace('  stewardship:\n    owner: alice@acme.example\n', '\n  stewardship:   # who answers for it\n    # since 2025\n    owner: "alice@acme.example"   # lead\n');
    const dir = acmeCopy();
    writeFileSync(join(dir, READER), manifest);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(read(dir, READER)).toBe(edit(manifest, '    owner: "alice@acme.example"   # lead\n', '    owner: "bob@acme.example"   # lead\n'));
    const out = JSON.parse(r.stdout);
    expect(out.written).toEqual([READER]);
    expect(out.diff).toContain('-    owner: "alice@acme.example"   # lead\n+    owner: "bob@acme.example"   # lead\n');
  });

  it('a successor who is also leaving the team: a new owner is needed and nothing is written', () => {
    const dir = acmeCopy();
    const org = read(dir, 'identities/org.yaml');
    writeFileSync(join(dir, 'identities/org.yaml'), edit(org, 'members: [alice@acme.example, bob@acme.example, carol@acme.example]', 'members: [alice@acme.example, carol@acme.example]'));
    const before = read(dir, READER);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    const reader = JSON.parse(r.stdout).identities.find((i: { identity: string }) => i.identity === 'settlement-reader');
    expect(reader).toEqual({ identity: 'settlement-reader', file: READER, status: 'active', roles: ['owner'], proposal: {}, needs: ['new-owner', 'new-successor'] });
    expect(JSON.parse(r.stdout).written).toEqual([]);
    expect(read(dir, READER)).toBe(before);
  });

  it('someone no manifest names: nothing to hand over, exit 0', () => {
    const r = idac(['offboard', 'nobody@acme.example', '--dir', ACME, '--now', NOW]);
    expect(r).toEqual({ code: 0, stdout: 'nobody@acme.example: no identity names them; nothing to hand over.\n', stderr: '' });
  });

  it('refuses --write while a manifest that may name the person is invalid; nothing is written', () => {
    const dir = acmeCopy();
    writeFileSync(join(dir, 'identities/payments/broken.yaml'), 'apiVersion: idac/v1\nkind: MachineIdentity\nspec:\n  stewardship: { owner: alice@acme.example }\n');
    const before = read(dir, READER);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^idac: not writing anything: identities\/payments\/broken\.yaml could not be checked/);
    expect(r.stdout).toBe('');
    expect(read(dir, READER)).toBe(before);
    const list = idac(['offboard', 'alice@acme.example', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).invalid).toEqual(['identities/payments/broken.yaml']);
  });

  it.each([
    ['not an e-mail', ['offboard', 'alice'], /"alice" is not an e-mail address/],
    ['a bad format', ['offboard', 'alice@acme.example', '--format', 'sarif'], /--format must be one of text, json/],
    ['no identities folder', ['offboard', 'alice@acme.example', '--dir', '.'], /^idac: --dir \. holds no identities\/ folder; give the repository root \(the folder that holds identities\/org\.yaml\)$/m],
  ])('exit 2: %s', (_name, args, message) => {
    const r = idac([...args, '--now', NOW], { cwd: args.includes('--dir') ? repo({ 'README.md': 'x' }) : ACME });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
  });
});
