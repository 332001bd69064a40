import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const reviewer = (email: string) => edit(IDENTITY, 'reviewer: carol@example.com', `reviewer: ${email}`);
const unreviewed = edit(IDENTITY, '  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n', '');

ruleTable('stewardship/reviewer-not-owner', {
  good: [
    { name: 'someone else reviewed', files: { [at]: IDENTITY } },
    { name: 'the successor may review', files: { [at]: reviewer('bob@example.com') } },
    { name: 'no review recorded (lifecycle/review-overdue reports that)', files: { [at]: unreviewed } },
    { name: 'tombstone', files: { [at]: `${reviewer('alice@example.com')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'owner reviewed themselves',
      files: { [at]: reviewer('alice@example.com') },
      expect: [{ line: 15, column: 15, messageId: 'selfReview', message: /reviewer alice@example\.com is the owner/ }],
    },
    {
      name: 'emails compare case-insensitively',
      files: { [at]: reviewer('Alice@EXAMPLE.com') },
      expect: [{ line: 15, column: 15, messageId: 'selfReview' }],
    },
    {
      name: 'org.yaml absent',
      files: { 'identities/org.yaml': null, [at]: reviewer('alice@example.com') },
      expect: [{ line: 15, column: 15, messageId: 'selfReview' }],
    },
  ],
});
