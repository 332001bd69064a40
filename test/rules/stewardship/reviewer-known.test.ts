import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const reviewer = (email: string) => edit(IDENTITY, 'reviewer: carol@example.com', `reviewer: ${email}`);
const unreviewed = edit(IDENTITY, '  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n', '');

ruleTable('stewardship/reviewer-known', {
  good: [
    { name: 'a member of the same team', files: { [at]: IDENTITY } },
    { name: 'a member of another team', files: { [at]: reviewer('dave@example.com') } },
    { name: 'a security owner', files: { [at]: reviewer('sec@example.com') } },
    { name: 'emails compare case-insensitively', files: { [at]: reviewer('Carol@Example.COM') } },
    { name: 'no review recorded (lifecycle/review-missing reports that)', files: { [at]: unreviewed } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: reviewer('mallory@example.com') } },
    { name: 'a tombstone is skipped', files: { [at]: `${reviewer('mallory@example.com')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'someone org.yaml does not list',
      files: { [at]: reviewer('mallory@example.com') },
      expect: [
        {
          line: 15,
          column: 15,
          messageId: 'unknownReviewer',
          message: /reviewer "mallory@example\.com" is neither a team member nor a security owner/,
        },
      ],
    },
    {
      name: 'a mistyped member',
      files: { [at]: reviewer('carol@example.con') },
      expect: [
        {
          line: 15,
          column: 15,
          messageId: 'unknownReviewer',
          message: new RegExp(
            String.raw`^reviewer "carol@example\.con" is neither a team member nor a security owner in ` +
              String.raw`org\.yaml; did you mean carol@example\.com\?; the access needs a review by someone who ` +
              String.raw`is$`,
          ),
        },
      ],
    },
    {
      name: 'same local part, other domain',
      files: { [at]: reviewer('carol@example.org') },
      expect: [{ line: 15, column: 15, messageId: 'unknownReviewer' }],
    },
  ],
});
