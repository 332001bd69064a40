import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const PURPOSE = 'purpose: Reads settlement files from the bank drop bucket.';
const purpose = (raw: string) => edit(IDENTITY, PURPOSE, `purpose: ${raw}`);

ruleTable('parse/control-character', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'CRLF line endings', files: { [at]: IDENTITY.replace(/\n/g, '\r\n') } },
    {
      name: 'a tab before a comment',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: workload\t# a tab separates') },
    },
    {
      name: 'escaped tab and newline in a quoted value',
      files: { [at]: purpose('"Reads settlement files\\tfrom the bank\\ndrop bucket."') },
    },
    {
      name: 'an escaped backslash followed by u0000 is text, not a NUL',
      files: { [at]: purpose('"Reads settlement files \\\\u0000 from the bank drop bucket."') },
    },
    {
      name: 'accented letters and emoji',
      files: { [at]: purpose('Liest Abrechnungsdateien für die Buchhaltung 🏦.') },
    },
  ],
  bad: [
    {
      name: 'raw BEL in a value',
      files: { [at]: purpose('Re\u0007ads settlement files from the bank drop bucket.') },
      expect: [
        { line: 7, column: 14, messageId: 'controlCharacter', message: /^control character U\+0007; delete it/ },
      ],
    },
    {
      name: 'raw ESC (terminal escape) in a value',
      files: { [at]: purpose('Reads \u001b[31msettlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 18, messageId: 'controlCharacter', message: /U\+001B/ }],
    },
    {
      name: 'raw DEL',
      files: { [at]: purpose('Re\u007fads settlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 14, messageId: 'controlCharacter', message: /U\+007F/ }],
    },
    {
      name: 'raw C1 control (CSI)',
      files: { [at]: purpose('Re\u009bads settlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 14, messageId: 'controlCharacter', message: /U\+009B/ }],
    },
    {
      name: 'raw NEL, a line break to some readers and not to YAML 1.2',
      files: { [at]: purpose('Re\u0085ads settlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 14, messageId: 'controlCharacter', message: /U\+0085/ }],
    },
    {
      name: 'a byte-order mark in the middle of the file',
      files: { [at]: purpose('Re\ufeffads settlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 14, messageId: 'controlCharacter', message: /U\+FEFF/ }],
    },
    {
      name: 'raw control character inside double quotes: one finding, at the character',
      files: { [at]: purpose('"Re\u0007ads settlement files from the bank drop bucket."') },
      expect: [{ line: 7, column: 15, messageId: 'controlCharacter', message: /^control character U\+0007/ }],
    },
    {
      name: 'in a comment',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: workload # ring\u0007') },
      expect: [{ line: 6, column: 24, messageId: 'controlCharacter' }],
    },
    {
      name: 'in a key',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  a\u0001b: x\n') },
      expect: [{ line: 7, column: 4, messageId: 'controlCharacter' }],
    },
    {
      name: '"\\u0000" escape in a double-quoted value points at the escape',
      files: { [at]: purpose('"Reads\\u0000 settlement files from the bank drop bucket."') },
      expect: [
        {
          line: 7,
          column: 18,
          messageId: 'escapedCharacter',
          message: /^escaped control character U\+0000 in a quoted value; remove the escape/,
        },
      ],
    },
    {
      name: '"\\x1b" escape',
      files: { [at]: purpose('"Reads \\x1b[31m settlement files from the bank drop bucket."') },
      expect: [{ line: 7, column: 19, messageId: 'escapedCharacter', message: /U\+001B/ }],
    },
    {
      name: '"\\0" and "\\e" escapes: one finding per value, at the first',
      files: { [at]: purpose('"Reads\\0 settlement\\e files from the bank drop bucket."') },
      expect: [{ line: 7, column: 18, messageId: 'escapedCharacter', message: /U\+0000/ }],
    },
    {
      name: 'several in one file, each reported',
      files: {
        [at]: edit(
          purpose('Re\u0007ads settlement files from the bank drop bucket.'),
          'team: payments',
          'team: pay\u0002ments',
        ),
      },
      expect: [
        { line: 7, column: 14, messageId: 'controlCharacter' },
        { line: 11, column: 14, messageId: 'controlCharacter' },
      ],
    },
  ],
});
