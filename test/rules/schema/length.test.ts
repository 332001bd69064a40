import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const PURPOSE = 'purpose: Reads settlement files from the bank drop bucket.';
const purpose = (text: string) => edit(IDENTITY, PURPOSE, `purpose: ${text}`);
const words = (n: number) => 'Reads settlement files '.repeat(Math.ceil(n / 23)).slice(0, n);

ruleTable('schema/length', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'purpose of exactly 1000 characters (the limit is inclusive)', files: { [at]: purpose(words(999) + 'x') } },
    {
      name: 'a date-time where a date belongs is a format problem, not also a length one',
      files: { [at]: edit(IDENTITY, 'expires: 2027-05-31', 'expires: 2001-12-14T00:00:00') },
    },
    {
      name: 'a 49-character name is a name/pattern problem, not also a length one',
      files: { [at]: edit(IDENTITY, 'name: app', `name: a${'b'.repeat(47)}c`) },
    },
  ],
  bad: [
    {
      name: 'a 100,000-character purpose (well within the file size cap)',
      files: { [at]: purpose(words(100_000)) },
      expect: [
        {
          line: 7,
          column: 12,
          messageId: 'tooLong',
          message: /^spec\.purpose is longer than 1000 characters; shorten it$/,
        },
      ],
    },
    {
      name: 'purpose of 1001 characters',
      files: { [at]: purpose(words(1001)) },
      expect: [{ line: 7, column: 12, messageId: 'tooLong' }],
    },
    {
      name: 'an empty purpose',
      files: { [at]: purpose('""') },
      expect: [{ line: 7, column: 12, messageId: 'empty', message: /^spec\.purpose must not be empty$/ }],
    },
    {
      name: 'an elevation reason over 500 characters',
      files: {
        [at]:
          `${IDENTITY}  elevations:\n    - reason: ${'x'.repeat(501)}\n      approvedBy: dave@example.com\n   ` +
          `   from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access: { aws: { ` +
          `permissions: [ { actions: [s3:PutObject], resources: ["arn:aws:s3:::bank-drop/replay/*"] } ] } }\n`,
      },
      expect: [{ line: 26, column: 15, messageId: 'tooLong', message: /reason is longer than 500 characters/ }],
    },
  ],
});
