import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const approle = `${IDENTITY}    vault:
      auth: approle
      paths:
        - path: kv/data/payments/app/*
          capabilities: [read]
`;
const rotation = (text: string, period: string) =>
  edit(text, '  access:\n', `  rotation:\n    period: ${period}\n    overlap: 1d\n  access:\n`);
const user = (period: string) => rotation(edit(IDENTITY, 'principal: role', 'principal: user'), period);
const vault = (period: string) => rotation(approle, period);
const both = (period: string) => rotation(edit(approle, 'principal: role', 'principal: user'), period);
const noRotationLimits = edit(ORG, '    rotation:\n      aws-access-key: 90d\n      vault-secret-id: 30d\n', '');

ruleTable('rotation/max-period', {
  good: [
    { name: 'access keys at the limit (inclusive)', files: { [at]: user('90d') } },
    { name: 'the limit in other units', files: { [at]: user('2160h') } },
    { name: 'AppRole at its limit', files: { [at]: vault('30d') } },
    { name: 'no static credential: no limit applies', files: { [at]: rotation(IDENTITY, '365d') } },
    { name: 'no limits.rotation in org.yaml', files: { 'identities/org.yaml': noRotationLimits, [at]: user('365d') } },
    {
      name: 'a limit for the other kind only',
      files: { 'identities/org.yaml': edit(ORG, '      aws-access-key: 90d\n', ''), [at]: user('365d') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: user('365d') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(user('365d'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'access keys a day over',
      files: { [at]: user('91d') },
      expect: [
        {
          line: 17,
          column: 13,
          messageId: 'tooLong',
          message: /rotation period 91d exceeds the aws-access-key limit of 90d/,
        },
      ],
    },
    {
      name: 'a minute over, in hours',
      files: { [at]: user('2161h') },
      expect: [
        { line: 17, column: 13, messageId: 'tooLong', message: /90d1h exceeds the aws-access-key limit of 90d/ },
      ],
    },
    {
      name: 'AppRole over its limit',
      files: { [at]: vault('31d') },
      expect: [{ line: 17, column: 13, messageId: 'tooLong', message: /vault-secret-id limit of 30d/ }],
    },
    {
      name: 'both kinds: the stricter limit only',
      files: { [at]: both('60d') },
      expect: [{ line: 17, column: 13, messageId: 'tooLong', message: /vault-secret-id limit of 30d/ }],
    },
    {
      name: 'both kinds over: one finding each',
      files: { [at]: both('100d') },
      expect: [
        { line: 17, column: 13, messageId: 'tooLong', message: /aws-access-key/ },
        { line: 17, column: 13, messageId: 'tooLong', message: /vault-secret-id/ },
      ],
    },
  ],
});
