import { expect, it } from 'vitest';
import { edit, IDENTITY, ruleTable, run } from '../harness.js';

const at = 'identities/payments/app.yaml';
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- BMP text, one unit per code point
const utf16le = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const PURPOSE = 'purpose: Reads settlement files from the bank drop bucket.';

ruleTable('parse/encoding', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'UTF-8 byte-order mark', files: { [at]: `\ufeff${IDENTITY}` } },
    { name: 'CRLF line endings', files: { [at]: IDENTITY.replace(/\n/g, '\r\n') } },
    { name: 'byte-order mark and CRLF', files: { [at]: `\ufeff${IDENTITY.replace(/\n/g, '\r\n')}` } },
    {
      name: 'multi-byte characters',
      files: { [at]: edit(IDENTITY, PURPOSE, 'purpose: Liest Abrechnungsdateien für die Buchhaltung — 日本語 🏦.') },
    },
  ],
  bad: [
    {
      name: 'byte 0xFF (never valid UTF-8): whole-file problem at 1:1, never U+FFFD',
      files: { [at]: bytes('apiVersion: idac/v1\nkind: Mach', [0xff], 'ineIdentity\n') },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'invalidUtf8',
          message: /^file is not valid UTF-8: byte 0xFF on line 2 \(offset 30\)/,
        },
      ],
    },
    {
      name: 'Latin-1 é (0xE9) instead of UTF-8',
      files: { [at]: bytes(IDENTITY.slice(0, 40), [0xe9], IDENTITY.slice(40)) },
      expect: [{ line: 1, column: 1, messageId: 'invalidUtf8', message: /byte 0xE9 on line 2 \(offset 40\)/ }],
    },
    {
      name: 'overlong encoding of "/" (0xC0 0xAF)',
      files: { [at]: bytes('a: ', [0xc0, 0xaf], '\n') },
      expect: [{ line: 1, column: 1, messageId: 'invalidUtf8', message: /byte 0xC0/ }],
    },
    {
      name: 'encoded surrogate (0xED 0xA0 0x80)',
      files: { [at]: bytes('a: ', [0xed, 0xa0, 0x80], '\n') },
      expect: [{ line: 1, column: 1, messageId: 'invalidUtf8', message: /byte 0xED/ }],
    },
    {
      name: 'truncated sequence at the end',
      files: { [at]: bytes('a: b', [0xe2, 0x82]) },
      expect: [{ line: 1, column: 1, messageId: 'invalidUtf8', message: /byte 0xE2 on line 1 \(offset 4\)/ }],
    },
    {
      name: 'valid multi-byte then a bad byte',
      files: { [at]: bytes('a: é', [0xff]) },
      expect: [{ line: 1, column: 1, messageId: 'invalidUtf8', message: /offset 5\)/ }],
    },
    {
      name: 'UTF-16 LE with byte-order mark',
      files: { [at]: new Uint8Array([0xff, 0xfe, ...utf16le(IDENTITY)]) },
      expect: [{ line: 1, column: 1, messageId: 'wideEncoding', message: /^file is UTF-16 or UTF-32 encoded/ }],
    },
    {
      name: 'UTF-16 BE with byte-order mark',
      files: { [at]: new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x3a]) },
      expect: [{ line: 1, column: 1, messageId: 'wideEncoding', message: /UTF-16 or UTF-32/ }],
    },
    {
      name: 'UTF-32 BE with byte-order mark',
      files: { [at]: new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]) },
      expect: [{ line: 1, column: 1, messageId: 'wideEncoding', message: /UTF-16 or UTF-32/ }],
    },
    {
      name: 'UTF-16 without a byte-order mark (NUL bytes)',
      files: { [at]: utf16le(IDENTITY) },
      expect: [
        { line: 1, column: 1, messageId: 'nulByte', message: /^file contains a NUL byte on line 1 \(offset 1\)/ },
      ],
    },
    {
      name: 'one NUL byte in the middle',
      files: { [at]: utf8(edit(IDENTITY, 'type: workload', 'type: work\u0000load')) },
      expect: [{ line: 1, column: 1, messageId: 'nulByte', message: /NUL byte on line 6 \(offset 82\)/ }],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': bytes('apiVersion: idac/v1', [0xff], '\n') },
      expect: [{ file: 'identities/org.yaml', line: 1, column: 1, messageId: 'invalidUtf8' }],
    },
  ],
});

it('parse/encoding: a UTF-8 byte-order mark and CRLF line endings are accepted without any finding', async () => {
  expect(await run({ name: 'bom+crlf', files: { [at]: `\ufeff${IDENTITY.replace(/\n/g, '\r\n')}` } })).toEqual([]);
});
