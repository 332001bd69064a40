import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const user = edit(IDENTITY, 'principal: role', 'principal: user');
const approle = `${IDENTITY}    vault:
      auth: approle
      paths:
        - path: kv/data/payments/app/*
          capabilities: [read]
`;
const both = edit(approle, 'principal: role', 'principal: user');
const rotated = (text: string) =>
  edit(text, '  access:\n', '  rotation:\n    period: 30d\n    overlap: 1d\n  access:\n');
const tombstone = (text: string) =>
  edit(text, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n');

ruleTable('rotation/required', {
  good: [
    { name: 'federated role: no static credential', files: { [at]: IDENTITY } },
    {
      name: 'Vault kubernetes auth: no static credential',
      files: { [at]: edit(approle, 'auth: approle', 'auth: kubernetes') },
    },
    { name: 'access keys with rotation', files: { [at]: rotated(user) } },
    { name: 'AppRole with rotation', files: { [at]: rotated(approle) } },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(both) } },
  ],
  bad: [
    {
      name: 'AWS access keys without rotation',
      files: { [at]: user },
      expect: [
        {
          line: 5,
          column: 1,
          messageId: 'missing',
          message: /static credential \(aws-access-key\) but declares no spec.rotation/,
        },
      ],
    },
    {
      name: 'AppRole without rotation',
      files: { [at]: approle },
      expect: [{ line: 5, column: 1, messageId: 'missing', message: /\(vault-secret-id\)/ }],
    },
    {
      name: 'both kinds are named',
      files: { [at]: both },
      expect: [{ line: 5, column: 1, messageId: 'missing', message: /\(aws-access-key, vault-secret-id\)/ }],
    },
    {
      name: 'also without org.yaml',
      files: { 'identities/org.yaml': null, [at]: user },
      expect: [{ line: 5, column: 1, messageId: 'missing' }],
    },
    {
      name: 'a suspended identity still needs it',
      files: { [at]: edit(user, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: suspended\n') },
      expect: [{ line: 5, column: 1, messageId: 'missing' }],
    },
  ],
});
