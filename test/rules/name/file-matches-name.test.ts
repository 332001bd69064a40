import { IDENTITY, ruleTable } from '../harness.js';

ruleTable('name/file-matches-name', {
  good: [
    { name: '<name>.yaml', files: { 'identities/payments/app.yaml': IDENTITY } },
    { name: '<name>.yml', files: { 'identities/payments/app.yml': IDENTITY } },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, 'identities/payments/app.yaml': IDENTITY } },
  ],
  bad: [
    {
      name: 'another name',
      files: { 'identities/payments/other.yaml': IDENTITY },
      expect: [
        {
          line: 4,
          column: 9,
          messageId: 'differs',
          message: /metadata\.name "app" differs from the file name "other"/,
        },
      ],
    },
    {
      name: 'file names are case-sensitive',
      files: { 'identities/payments/App.yaml': IDENTITY },
      expect: [{ line: 4, column: 9, messageId: 'differs', message: /file name "App"/ }],
    },
    {
      name: 'only one extension is dropped',
      files: { 'identities/payments/app.yaml.yaml': IDENTITY },
      expect: [{ line: 4, column: 9, messageId: 'differs', message: /file name "app\.yaml"/ }],
    },
    {
      name: 'tombstones too',
      files: { 'identities/payments/old-app.yaml': `${IDENTITY}  status: decommissioned\n` },
      expect: [{ line: 4, column: 9, messageId: 'differs' }],
    },
  ],
});
