import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const reviewed = (date: string) => edit(IDENTITY, 'lastReviewed: 2026-10-01', `lastReviewed: ${date}`);
const unreviewed = edit(IDENTITY, '  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n', '');
const noLimit = edit(ORG, '    reviewEvery: 180d\n', '');

// NOW is 2026-11-23 and ORG sets reviewEvery: 180d; 2026-05-27 is exactly 180 days before.
ruleTable('lifecycle/review-overdue', {
  good: [
    { name: 'never reviewed is lifecycle/review-missing, a warning', files: { [at]: unreviewed } },
    { name: 'recent review', files: { [at]: IDENTITY } },
    { name: 'exactly at the limit', files: { [at]: reviewed('2026-05-27') } },
    {
      name: 'the hour of the run does not matter',
      files: { [at]: reviewed('2026-05-27') },
      now: '2026-11-23T23:59:59Z',
    },
    { name: 'reviewed today', files: { [at]: reviewed('2026-11-23') } },
    { name: 'no limit in org.yaml', files: { 'identities/org.yaml': noLimit, [at]: reviewed('2020-01-01') } },
    { name: 'no limit, never reviewed', files: { 'identities/org.yaml': noLimit, [at]: unreviewed } },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: unreviewed } },
    { name: 'tombstone', files: { [at]: `${unreviewed}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'one day over',
      files: { [at]: reviewed('2026-05-26') },
      expect: [
        {
          line: 14,
          column: 19,
          messageId: 'overdue',
          message: /last reviewed 2026-05-26, the next review fell due on 2026-11-22 \(limits\.reviewEvery 180d\)/,
        },
      ],
    },
    {
      name: 'due date passed at the next midnight',
      files: { [at]: reviewed('2026-05-27') },
      now: '2026-11-24',
      expect: [{ line: 14, column: 19, messageId: 'overdue', message: /fell due on 2026-11-23/ }],
    },
    {
      name: 'reviewed in the future',
      files: { [at]: reviewed('2026-11-24') },
      expect: [
        {
          line: 14,
          column: 19,
          messageId: 'inFuture',
          message: /lastReviewed 2026-11-24 is in the future \(today is 2026-11-23\)/,
        },
      ],
    },
    {
      name: 'suspended identities still need reviews',
      files: { [at]: `${reviewed('2026-01-01')}  status: suspended\n` },
      expect: [{ line: 14, column: 19, messageId: 'overdue' }],
    },
  ],
});
