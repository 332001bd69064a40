import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const orgFile = 'identities/org.yaml';

ruleTable('org/team-without-members', {
  good: [{ name: 'every team has members', files: { [at]: IDENTITY } }],
  bad: [
    {
      name: 'a team added with no members (as idac import adds one when no tag names its people)',
      files: { [orgFile]: edit(ORG, 'members: [dave@example.com, erin@example.com]', 'members: []'), [at]: IDENTITY },
      expect: [{ file: orgFile, line: 13, column: 16, messageId: 'empty', message: /^team "risk" lists no members/ }],
    },
  ],
});
