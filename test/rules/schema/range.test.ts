import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const epoch = (value: string) =>
  edit(
    IDENTITY,
    '  expires: 2027-05-31\n',
    `  expires: 2027-05-31\n  rotation:\n    period: 30d\n    epoch: ${value}\n`,
  );

ruleTable('schema/range', {
  good: [
    { name: 'epoch 0', files: { [at]: epoch('0') } },
    { name: 'epoch 1,000,000 (the limit is inclusive)', files: { [at]: epoch('1000000') } },
  ],
  bad: [
    {
      name: 'a negative epoch',
      files: { [at]: epoch('-1') },
      expect: [
        { line: 15, column: 12, messageId: 'belowMinimum', message: /^spec\.rotation\.epoch must be at least 0$/ },
      ],
    },
    {
      name: 'an epoch over the cap',
      files: { [at]: epoch('1000001') },
      expect: [
        { line: 15, column: 12, messageId: 'aboveMaximum', message: /^spec\.rotation\.epoch must be at most 1000000$/ },
      ],
    },
  ],
});
