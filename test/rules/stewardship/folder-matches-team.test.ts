import { edit, IDENTITY, ruleTable } from '../harness.js';

const risk = edit(
  edit(edit(IDENTITY, 'team: payments', 'team: risk'), 'owner: alice@example.com', 'owner: dave@example.com'),
  'successor: bob@example.com',
  'successor: erin@example.com',
);

ruleTable('stewardship/folder-matches-team', {
  good: [
    { name: 'identities/<team>/<name>.yaml', files: { 'identities/payments/app.yaml': IDENTITY } },
    { name: 'the second team', files: { 'identities/risk/app.yaml': risk } },
    { name: '.yml', files: { 'identities/payments/app.yml': IDENTITY } },
    {
      name: 'org.yaml absent: the layout needs no org.yaml',
      files: { 'identities/org.yaml': null, 'identities/payments/app.yaml': IDENTITY },
    },
    // The team is misspelt, not the file misplaced: stewardship/team-exists reports it (issue 13).
    {
      name: "a team org.yaml does not declare, in a declared team's folder",
      files: { 'identities/payments/app.yaml': edit(IDENTITY, 'team: payments', 'team: paymnets') },
    },
  ],
  bad: [
    {
      name: "another team's folder",
      files: { 'identities/risk/app.yaml': IDENTITY },
      expect: [
        {
          line: 11,
          column: 11,
          messageId: 'wrongFolder',
          message: new RegExp(
            String.raw`file is in folder "risk" but spec\.stewardship\.team is "payments"; move it to ` +
              String.raw`"identities\/payments\/app\.yaml"`,
          ),
        },
      ],
    },
    {
      name: 'directly under identities/',
      files: { 'identities/app.yaml': IDENTITY },
      expect: [{ line: 11, column: 11, messageId: 'outsideTeams', message: /not in identities\/<team>\// }],
    },
    {
      name: 'nested deeper, even below the team folder',
      files: { 'identities/payments/batch/app.yaml': IDENTITY },
      expect: [
        { line: 11, column: 11, messageId: 'outsideTeams', message: /move it to "identities\/payments\/app\.yaml"/ },
      ],
    },
    {
      name: 'folder names are case-sensitive',
      files: { 'identities/Payments/app.yaml': IDENTITY },
      expect: [{ line: 11, column: 11, messageId: 'wrongFolder' }],
    },
    {
      name: 'an undeclared team in an undeclared folder',
      files: { 'identities/paymnets/app.yaml': edit(IDENTITY, 'team: payments', 'team: payment') },
      expect: [
        {
          line: 11,
          column: 11,
          messageId: 'wrongFolder',
          message: new RegExp(
            String.raw`^file is in folder "paymnets" but spec\.stewardship\.team is "payment"; move it to ` +
              String.raw`"identities\/payment\/app\.yaml"$`,
          ),
        },
      ],
    },
    {
      name: 'tombstones keep the layout too',
      files: { 'identities/risk/app.yaml': `${IDENTITY}  status: decommissioned\n` },
      expect: [{ line: 11, column: 11, messageId: 'wrongFolder' }],
    },
  ],
});
