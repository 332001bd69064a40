import { expect, it } from 'vitest';
import { validate } from '../../../src/check/validate.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import { parseInstant } from '../../../src/common/time.js';
import { IDENTITY, NOW, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const LIMIT = 256 * 1024;
/** A valid identity padded with a comment to exactly `size` bytes. */
const padded = (size: number) => `${IDENTITY}# ${'x'.repeat(size - new TextEncoder().encode(IDENTITY).length - 3)}\n`;

ruleTable('parse/size', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'exactly 256 KiB (the limit is inclusive)', files: { [at]: padded(LIMIT) } },
  ],
  bad: [
    {
      name: '256 KiB + 1 byte',
      files: { [at]: padded(LIMIT + 1) },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'tooLarge',
          message: /^file is 262145 bytes, over the 262144-byte limit for a manifest/,
        },
      ],
    },
    {
      name: '300 KiB of binary',
      files: { [at]: new Uint8Array(300 * 1024).fill(0x61) },
      expect: [{ line: 1, column: 1, messageId: 'tooLarge', message: /307200 bytes/ }],
    },
    {
      name: 'an oversize org.yaml',
      files: { 'identities/org.yaml': `${ORG}# ${'x'.repeat(LIMIT)}\n` },
      expect: [{ file: 'identities/org.yaml', line: 1, column: 1, messageId: 'tooLarge' }],
    },
  ],
});

it('parse/size: no byte of an oversize file is handed to the loader', async () => {
  const delivered: string[] = [];
  class Spy extends MemorySource {
    override async read(path: string, maxBytes?: number) {
      const r = await super.read(path, maxBytes);
      if (r instanceof Uint8Array) delivered.push(path);
      return r;
    }
  }
  const big = 'identities/payments/big.yaml';
  const result = await validate(
    new Spy({ 'identities/org.yaml': ORG, [at]: IDENTITY, [big]: new Uint8Array(LIMIT + 1) }),
    { paths: ['identities'], now: parseInstant(NOW)! },
  );
  expect(result.ok && result.value.findings.filter((f) => f.rule === 'parse/size').map((f) => f.file)).toEqual([big]);
  expect(delivered).not.toContain(big);
  expect(delivered).toContain(at);
});
