import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const other = edit(IDENTITY, 'account: "123456789012"', 'account: "210987654321"');

ruleTable('boundary/aws-account', {
  good: [
    { name: 'an account inside the boundary', files: { [at]: IDENTITY } },
    {
      name: 'no boundaries.aws: no AWS boundary',
      files: { 'identities/org.yaml': edit(ORG, '        aws: { accounts: ["123456789012"] }\n', ''), [at]: other },
    },
    {
      name: 'one of several accounts',
      files: {
        'identities/org.yaml': edit(ORG, 'accounts: ["123456789012"]', 'accounts: ["123456789012", "210987654321"]'),
        [at]: other,
      },
    },
    {
      name: "an unknown team is another rule's business",
      files: { 'identities/ops/app.yaml': edit(other, 'team: payments', 'team: ops') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: other } },
    {
      name: 'a tombstone is skipped',
      files: { [at]: edit(other, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') },
    },
  ],
  bad: [
    {
      name: 'an account outside the boundary',
      files: { [at]: other },
      expect: [
        {
          line: 18,
          column: 16,
          messageId: 'outside',
          message: /AWS account 210987654321 is outside team payments's boundary/,
        },
      ],
    },
    {
      name: 'an empty list allows nothing',
      files: { 'identities/org.yaml': edit(ORG, 'accounts: ["123456789012"]', 'accounts: []'), [at]: IDENTITY },
      expect: [{ line: 18, column: 16, messageId: 'outside' }],
    },
    {
      name: "another team's boundary does not count",
      files: {
        'identities/org.yaml': edit(
          ORG,
          '      members: [dave@example.com, erin@example.com]\n',
          '      members: [dave@example.com, erin@example.com]\n      boundaries: { aws: { accounts: ' +
            '["210987654321"] } }\n',
        ),
        [at]: other,
      },
      expect: [{ line: 18, column: 16, messageId: 'outside' }],
    },
  ],
});
