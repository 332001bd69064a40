import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('stewardship/owner-in-team', {
  good: [
    { name: 'owner is a member', files: { [at]: IDENTITY } },
    { name: 'emails compare case-insensitively', files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: Alice@Example.com') } },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com') } },
    { name: 'tombstone whose owner left', files: { [at]: `${edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com')}  status: decommissioned\n` } },
  ],
  bad: [
    { name: 'owner from another team', files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: dave@example.com') }, expect: [{ line: 9, column: 12, message: /dave@example.com is not a member of team payments/ }] },
    { name: 'owner unknown to org.yaml', files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com') }, expect: [{ line: 9, column: 12 }] },
  ],
});
