import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const spec = (lines: string) => edit(IDENTITY, '  type: workload\n', `  type: workload\n${lines}`);
const labels = (lines: string) => edit(IDENTITY, '  name: app\n', `  name: app\n  labels:\n${lines}`);

ruleTable('schema/key', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'a quoted account id as a key stays text', files: { 'identities/org.yaml': ORG, [at]: IDENTITY } },
    {
      name: 'label keys that look like numbers or booleans, quoted',
      files: { [at]: labels('    "123": x\n    "true": x\n') },
    },
    {
      name: 'under %YAML 1.1, on: stays the text key "on"',
      files: { [at]: `%YAML 1.1\n---\n${labels('    on: x\n')}` },
    },
    {
      name: 'over the label cap, malformed keys are not judged one by one (schema/size says it once)',
      files: { [at]: labels(Array.from({ length: 2000 }, (_, i) => `    K_${i}: v\n`).join('')) },
    },
  ],
  bad: [
    {
      name: 'a key written with escapes reads as another key',
      files: { [at]: edit(IDENTITY, '      principal: role', '      "princip\\x61l": role') },
      expect: [
        { line: 19, column: 7, messageId: 'escapedKey', message: /"principal" is written with escape sequences/ },
      ],
    },
    {
      name: 'a complex key ? [a, b]',
      files: { [at]: spec('  ? [a, b]\n  : c\n') },
      expect: [
        {
          line: 7,
          column: 5,
          messageId: 'notPlainKey',
          message: /^a complex key \(a list or mapping used as a key\) is not allowed; keys are plain text$/,
        },
      ],
    },
    {
      name: 'an empty key',
      files: { [at]: spec('  : x\n') },
      expect: [{ line: 7, column: 3, messageId: 'notPlainKey', message: /^an empty or null key is not allowed/ }],
    },
    {
      name: 'a null key ~',
      files: { [at]: spec('  ~: x\n') },
      expect: [{ line: 7, column: 3, messageId: 'notPlainKey', message: /empty or null key/ }],
    },
    {
      name: 'number and boolean keys',
      files: { [at]: spec('  123: x\n  true: x\n') },
      expect: [
        {
          line: 7,
          column: 3,
          messageId: 'notPlainKey',
          message: /^a number key is not allowed; keys are plain text — quote it/,
        },
        { line: 8, column: 3, messageId: 'notPlainKey', message: /^a boolean key is not allowed/ },
      ],
    },
    {
      name: 'an unquoted account id as a key in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, '"123456789012": { region', '123456789012: { region') },
      expect: [
        { file: 'identities/org.yaml', line: 16, column: 7, messageId: 'notPlainKey', message: /^a number key/ },
      ],
    },
    {
      name: 'a non-ASCII key, shown escaped',
      files: { [at]: labels('    caf\u00e9: x\n') },
      expect: [
        {
          line: 6,
          column: 5,
          messageId: 'badCharacters',
          message: /^key "caf\\u00e9" is not allowed: keys are 1 to 128 printable ASCII characters without spaces$/,
        },
      ],
    },
    {
      name: 'a key with a space',
      files: { [at]: spec('  "spec type": x\n') },
      expect: [{ line: 7, column: 3, messageId: 'badCharacters', message: /^key "spec type" is not allowed/ }],
    },
    {
      name: 'a key over 128 characters',
      files: { [at]: spec(`  ${'k'.repeat(200)}: x\n`) },
      expect: [{ line: 7, column: 3, messageId: 'badCharacters', message: /^key "k{40}…" is not allowed/ }],
    },
    {
      name: 'a label key of the wrong shape',
      files: { [at]: labels('    Bad_Key: x\n') },
      expect: [
        {
          line: 6,
          column: 5,
          messageId: 'keyShape',
          message: /^key "Bad_Key" in metadata\.labels must be lowercase letters, digits and "-"/,
        },
      ],
    },
  ],
});
