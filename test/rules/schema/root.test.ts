import { IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('schema/root', {
  good: [{ name: 'a mapping', files: { [at]: IDENTITY } }],
  bad: [
    {
      name: 'a single scalar',
      files: { [at]: 'hello\n' },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'notMapping',
          message: /^a manifest is a mapping with apiVersion, kind, metadata and spec, not a single value$/,
        },
      ],
    },
    {
      name: 'a top-level list',
      files: { [at]: '- apiVersion: idac/v1\n- kind: MachineIdentity\n' },
      expect: [{ line: 1, column: 1, messageId: 'notMapping', message: /not a list$/ }],
    },
    {
      name: 'null',
      files: { [at]: '~\n' },
      expect: [{ line: 1, column: 1, messageId: 'notMapping', message: /not a single value/ }],
    },
    {
      name: 'a number',
      files: { [at]: '# a comment first\n42\n' },
      expect: [{ line: 1, column: 1, messageId: 'notMapping' }],
    },
    {
      name: 'org.yaml as a list',
      files: { 'identities/org.yaml': '- teams\n' },
      expect: [{ file: 'identities/org.yaml', line: 1, column: 1, messageId: 'notMapping' }],
    },
  ],
});
