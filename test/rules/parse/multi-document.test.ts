import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('parse/multi-document', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'a leading document marker', files: { [at]: `---\n${IDENTITY}` } },
    { name: 'a trailing document end marker', files: { [at]: `${IDENTITY}...\n` } },
    {
      name: '--- inside a value',
      files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files', 'purpose: "Reads --- settlement files"') },
    },
  ],
  bad: [
    {
      name: 'a second document, at its ---',
      files: { [at]: `${IDENTITY}---\n${edit(IDENTITY, 'name: app', 'name: other')}` },
      expect: [
        { line: 25, column: 1, messageId: 'secondDocument', message: /^a second YAML document; one manifest per file/ },
      ],
    },
    {
      name: 'leading --- and an empty second document',
      files: { [at]: `---\n${IDENTITY}---\n` },
      expect: [{ line: 26, column: 1, messageId: 'secondDocument' }],
    },
    {
      name: 'three documents: one finding, at the second',
      files: { [at]: `${IDENTITY}---\na: 1\n---\nb: 2\n` },
      expect: [{ line: 25, column: 1, messageId: 'secondDocument' }],
    },
    {
      name: 'a second document after ... without ---',
      files: { [at]: `${IDENTITY}...\nkind: Organization\n` },
      expect: [{ line: 26, column: 1, messageId: 'secondDocument' }],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': `${ORG}---\n${ORG}` },
      expect: [{ file: 'identities/org.yaml', line: 29, column: 1, messageId: 'secondDocument' }],
    },
  ],
});
