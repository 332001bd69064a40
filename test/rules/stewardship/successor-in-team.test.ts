import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const successor = (email: string) => edit(IDENTITY, 'successor: bob@example.com', `successor: ${email}`);

ruleTable('stewardship/successor-in-team', {
  good: [
    { name: 'successor is a member', files: { [at]: IDENTITY } },
    { name: 'emails compare case-insensitively', files: { [at]: successor('Bob@Example.COM') } },
    {
      name: 'unknown team is left to stewardship/team-exists',
      files: { [at]: edit(successor('dave@example.com'), 'team: payments', 'team: marketing') },
    },
    { name: 'org.yaml absent', files: { 'identities/org.yaml': null, [at]: successor('mallory@example.com') } },
    { name: 'tombstone', files: { [at]: `${successor('mallory@example.com')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'successor from another team',
      files: { [at]: successor('dave@example.com') },
      expect: [
        { line: 10, column: 16, messageId: 'notMember', message: /dave@example\.com is not a member of team payments/ },
      ],
    },
    {
      name: 'a mistyped member (letters swapped)',
      files: { [at]: successor('bob@exmaple.com') },
      expect: [
        {
          line: 10,
          column: 16,
          messageId: 'notMember',
          message: new RegExp(
            String.raw`^successor bob@exmaple\.com is not a member of team payments in org\.yaml; did you mean ` +
              String.raw`bob@example\.com\?$`,
          ),
        },
      ],
    },
    {
      name: 'successor unknown to org.yaml',
      files: { [at]: successor('mallory@example.com') },
      expect: [{ line: 10, column: 16, messageId: 'notMember' }],
    },
    {
      name: 'security owner is not a team member',
      files: { [at]: successor('sec@example.com') },
      expect: [{ line: 10, column: 16, messageId: 'notMember' }],
    },
  ],
});
