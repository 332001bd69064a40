import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const unreviewed = edit(IDENTITY, '  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n', '');
const noLimit = edit(ORG, '    reviewEvery: 180d\n', '');

ruleTable('lifecycle/review-missing', {
  good: [
    { name: 'a recorded review', files: { [at]: IDENTITY } },
    { name: 'no reviewEvery limit in org.yaml', files: { 'identities/org.yaml': noLimit, [at]: unreviewed } },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: unreviewed } },
    {
      name: 'a tombstone',
      files: { [at]: edit(unreviewed, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') },
    },
  ],
  bad: [
    {
      name: 'never reviewed',
      files: { [at]: unreviewed },
      expect: [
        {
          line: 5,
          column: 1,
          messageId: 'noReview',
          message: /no review recorded in spec\.review \(org\.yaml asks for one every 180d\)/,
        },
      ],
    },
  ],
});
