import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('schema/whitespace', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'quoted values without surrounding space',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: ["s3:GetObject"]') },
    },
  ],
  bad: [
    {
      name: '"s3:GetObject " with a trailing space',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: ["s3:GetObject "]') },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'surroundingWhitespace',
          message: /^spec\.access\.aws\.permissions\[0\]\.actions\[0\] has leading or trailing whitespace; remove it/,
        },
      ],
    },
    {
      name: 'a leading space in a team',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: " payments"') },
      expect: [{ line: 11, column: 11, messageId: 'surroundingWhitespace' }],
    },
    {
      name: 'a trailing tab in an email',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: "alice@example.com\\t"') },
      expect: [{ line: 9, column: 12, messageId: 'surroundingWhitespace' }],
    },
    {
      name: 'a trailing space in an account id',
      files: { [at]: edit(IDENTITY, 'account: "123456789012"', 'account: "123456789012 "') },
      expect: [{ line: 18, column: 16, messageId: 'surroundingWhitespace' }],
    },
  ],
});
