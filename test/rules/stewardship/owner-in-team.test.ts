import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('stewardship/owner-in-team', {
  good: [
    { name: 'owner is a member', files: { [at]: IDENTITY } },
    {
      name: 'emails compare case-insensitively',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: Alice@Example.com') },
    },
    {
      name: 'org.yaml absent',
      files: {
        'identities/org.yaml': null,
        [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com'),
      },
    },
    {
      name: 'tombstone whose owner left',
      files: {
        [at]: `${edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com')}  status: decommissioned\n`,
      },
    },
  ],
  bad: [
    {
      name: 'owner from another team',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: dave@example.com') },
      expect: [
        { line: 9, column: 12, messageId: 'notMember', message: /dave@example.com is not a member of team payments/ },
      ],
    },
    {
      name: 'owner unknown to org.yaml',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com') },
      expect: [{ line: 9, column: 12, messageId: 'notMember' }],
    },
    // A typo of a team member gets "did you mean"; a guess is never made between people far apart (issue 13).
    {
      name: 'a mistyped member',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: alise@example.com') },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'notMember',
          message: new RegExp(
            String.raw`^owner alise@example\.com is not a member of team payments in org\.yaml; did you mean ` +
              String.raw`alice@example\.com\?$`,
          ),
        },
      ],
    },
    {
      name: 'no guess for someone else entirely',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: mallory@example.com') },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'notMember',
          message: /^owner mallory@example\.com is not a member of team payments in org\.yaml$/,
        },
      ],
    },
    {
      name: 'no guess from another team',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: erin@example.com') },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'notMember',
          message: /^owner erin@example\.com is not a member of team payments in org\.yaml$/,
        },
      ],
    },
  ],
});
