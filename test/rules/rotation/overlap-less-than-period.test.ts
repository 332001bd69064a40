import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const user = edit(IDENTITY, 'principal: role', 'principal: user');
const rotation = (period: string, overlap?: string) =>
  edit(
    user,
    '  access:\n',
    `  rotation:\n    period: ${period}\n${overlap === undefined ? '' : `    overlap: ${overlap}\n`}  access:\n`,
  );

ruleTable('rotation/overlap-less-than-period', {
  good: [
    { name: 'overlap shorter than the period', files: { [at]: rotation('30d', '1d') } },
    { name: 'no overlap (defaults to 0)', files: { [at]: rotation('30d') } },
    { name: 'a minute shorter, mixed units', files: { [at]: rotation('1d', '1439m') } },
    { name: 'no rotation at all', files: { [at]: IDENTITY } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          rotation('1d', '2d'),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'overlap equal to the period',
      files: { [at]: rotation('30d', '30d') },
      expect: [
        {
          line: 18,
          column: 14,
          messageId: 'overlapTooLong',
          message: /overlap 30d must be shorter than the period 30d/,
        },
      ],
    },
    {
      name: 'equal in other units',
      files: { [at]: rotation('1d', '24h') },
      expect: [
        { line: 18, column: 14, messageId: 'overlapTooLong', message: /overlap 1d must be shorter than the period 1d/ },
      ],
    },
    {
      name: 'overlap longer than the period',
      files: { [at]: rotation('7d', '8d'), 'identities/org.yaml': null },
      expect: [{ line: 18, column: 14, messageId: 'overlapTooLong' }],
    },
    {
      name: 'zero period',
      files: { [at]: rotation('0d') },
      expect: [{ line: 17, column: 13, messageId: 'zeroPeriod', message: /period must be greater than zero/ }],
    },
    {
      name: 'zero period and overlap: reported at the period',
      files: { [at]: rotation('0m', '0m') },
      expect: [{ line: 17, column: 13, messageId: 'zeroPeriod', message: /greater than zero/ }],
    },
  ],
});
