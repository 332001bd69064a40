import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const PURPOSE = 'purpose: Reads settlement files from the bank drop bucket.';
const purpose = (raw: string) => edit(IDENTITY, PURPOSE, `purpose: ${raw}`);

ruleTable('parse/trojan-source', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'right-to-left letters without controls',
      files: { [at]: purpose('Reads settlement files for שלום from the bank drop bucket.') },
    },
    {
      name: 'accented letters and emoji',
      files: { [at]: purpose('Liest Abrechnungsdateien für die Buchhaltung 🏦.') },
    },
  ],
  bad: [
    {
      name: 'RIGHT-TO-LEFT OVERRIDE U+202E in a value',
      files: { [at]: purpose('Re\u202eads settlement files from the bank drop bucket.') },
      expect: [
        {
          line: 7,
          column: 14,
          messageId: 'invisibleCharacter',
          message: new RegExp(
            String.raw`^invisible bidirectional or zero-width character U\+202E: what a reviewer sees i` +
              String.raw`s not what the parser reads`,
          ),
        },
      ],
    },
    {
      name: 'ZERO WIDTH SPACE U+200B in a value',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: pay\u200bments') },
      expect: [{ line: 11, column: 14, messageId: 'invisibleCharacter', message: /U\+200B/ }],
    },
    {
      name: 'ZERO WIDTH SPACE in a comment',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: workload # hi\u200b') },
      expect: [{ line: 6, column: 22, messageId: 'invisibleCharacter', message: /U\+200B/ }],
    },
    {
      name: 'bidi isolate U+2066 in a comment',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: workload # \u2066admin\u2069') },
      expect: [
        { line: 6, column: 20, messageId: 'invisibleCharacter', message: /U\+2066/ },
        { line: 6, column: 26, messageId: 'invisibleCharacter', message: /U\+2069/ },
      ],
    },
    {
      name: 'ARABIC LETTER MARK U+061C',
      files: { [at]: purpose('Reads\u061c settlement files from the bank drop bucket.') },
      expect: [{ line: 7, column: 17, messageId: 'invisibleCharacter', message: /U\+061C/ }],
    },
    {
      name: 'WORD JOINER U+2060 in a key',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  ty\u2060pe: bot\n') },
      expect: [{ line: 7, column: 5, messageId: 'invisibleCharacter', message: /U\+2060/ }],
    },
    {
      name: 'LEFT-TO-RIGHT MARK U+200E in an action',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: [s3:GetObject\u200e]') },
      expect: [{ line: 23, column: 33, messageId: 'invisibleCharacter' }],
    },
    {
      name: '"\\u202e" escape in a double-quoted value points at the escape',
      files: { [at]: purpose('"Reads\\u202e settlement files from the bank drop bucket."') },
      expect: [
        {
          line: 7,
          column: 18,
          messageId: 'escapedCharacter',
          message:
            /^escaped invisible bidirectional or zero-width character U\+202E in a quoted value; remove the escape/,
        },
      ],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': `# team list \u202e\napiVersion: idac/v1\n` },
      expect: [{ file: 'identities/org.yaml', line: 1, column: 13, messageId: 'invisibleCharacter' }],
    },
  ],
});
