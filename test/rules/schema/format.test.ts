import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const withRotation = (period: string, overlap = '1d') =>
  edit(
    IDENTITY,
    '  expires: 2027-05-31\n',
    `  expires: 2027-05-31\n  rotation:\n    period: ${period}\n    overlap: ${overlap}\n`,
  );
const elevation = (from: string, until: string) =>
  `${IDENTITY}  elevations:\n    - reason: INC-4711 replay failed settlements\n      approvedBy: ` +
  `dave@example.com\n      from: ${from}\n      until: ${until}\n      access: { aws: { permissions: [ { ` +
  `actions: [s3:PutObject], resources: ["arn:aws:s3:::bank-drop/replay/*"] } ] } }\n`;

ruleTable('schema/format', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'a leap day', files: { [at]: edit(IDENTITY, 'lastReviewed: 2026-10-01', 'lastReviewed: 2024-02-29') } },
    { name: 'durations in m, h and d', files: { [at]: withRotation('720h', '30m') } },
    {
      name: 'date-times with Z and with an offset',
      files: { [at]: elevation('2026-11-23T08:00:00Z', '2026-11-23T10:00:00+02:00') },
    },
    {
      name: 'over the list cap, malformed entries are not judged one by one (schema/size says it once)',
      files: {
        [at]: edit(IDENTITY, 'actions: [s3:GetObject]', `actions: [${Array(10_000).fill('not-an-action').join(', ')}]`),
      },
    },
  ],
  bad: [
    {
      name: 'a date-time without zone where a date belongs: one finding, not one per keyword',
      files: { [at]: edit(IDENTITY, 'expires: 2027-05-31', 'expires: 2001-12-14T00:00:00') },
      expect: [
        {
          line: 12,
          column: 12,
          messageId: 'wrongForm',
          message: /^spec\.expires must be a calendar date written YYYY-MM-DD \(UTC\)$/,
        },
      ],
    },
    {
      name: 'February 30',
      files: { [at]: edit(IDENTITY, 'lastReviewed: 2026-10-01', 'lastReviewed: 2026-02-30') },
      expect: [
        {
          line: 14,
          column: 19,
          messageId: 'wrongForm',
          message: new RegExp(
            String.raw`^spec\.review\.lastReviewed must be a calendar date written YYYY-MM-DD \(UTC\) \(` +
              String.raw`no such day in the calendar\)$`,
          ),
        },
      ],
    },
    {
      name: 'February 29 in a common year',
      files: { [at]: edit(IDENTITY, 'lastReviewed: 2026-10-01', 'lastReviewed: 2026-02-29') },
      expect: [{ line: 14, column: 19, messageId: 'wrongForm', message: /no such day/ }],
    },
    {
      name: 'a date without leading zeros',
      files: { [at]: edit(IDENTITY, 'expires: 2027-05-31', 'expires: 2027-5-31') },
      expect: [{ line: 12, column: 12, messageId: 'wrongForm' }],
    },
    {
      name: 'duration -1d',
      files: { [at]: withRotation('30d', '-1d') },
      expect: [
        {
          line: 15,
          column: 14,
          messageId: 'wrongForm',
          message: /^spec\.rotation\.overlap must be a duration: a whole number followed by m, h or d/,
        },
      ],
    },
    {
      name: 'ISO-8601 duration P90D',
      files: { [at]: withRotation('P90D') },
      expect: [{ line: 14, column: 13, messageId: 'wrongForm', message: /must be a duration/ }],
    },
    {
      name: 'duration in weeks',
      files: { [at]: withRotation('2w') },
      expect: [{ line: 14, column: 13, messageId: 'wrongForm' }],
    },
    {
      name: 'a date-time without zone',
      files: { [at]: elevation('2026-11-23T08:00:00', '2026-11-23T16:00:00Z') },
      expect: [
        {
          line: 28,
          column: 13,
          messageId: 'wrongForm',
          message: /^spec\.elevations\[0\]\.from must be an ISO-8601 date-time with a zone/,
        },
      ],
    },
    {
      name: 'hour 25',
      files: { [at]: elevation('2026-11-23T08:00:00Z', '2026-11-23T25:00:00Z') },
      expect: [{ line: 29, column: 14, messageId: 'wrongForm', message: /\(no such day or time\)$/ }],
    },
    {
      name: 'an owner that is not an email',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: alice') },
      expect: [
        { line: 9, column: 12, messageId: 'wrongForm', message: /^spec\.stewardship\.owner must be an email address$/ },
      ],
    },
    {
      name: 'an account of eleven digits',
      files: { [at]: edit(IDENTITY, 'account: "123456789012"', 'account: "12345678901"') },
      expect: [{ line: 18, column: 16, messageId: 'wrongForm', message: /must be an AWS account id/ }],
    },
    {
      name: 'an ARN that is not one',
      files: { [at]: edit(IDENTITY, 'resources: [arn:aws:s3:::bank-drop/*]', 'resources: [bank-drop]') },
      expect: [{ line: 24, column: 23, messageId: 'wrongForm', message: /must be an ARN/ }],
    },
  ],
});
