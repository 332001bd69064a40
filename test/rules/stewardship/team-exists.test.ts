import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const tombstone = (text: string) => `${text}  status: decommissioned\n`;

ruleTable('stewardship/team-exists', {
  good: [
    { name: 'team declared in org.yaml', files: { [at]: IDENTITY } },
    { name: 'the second team', files: { 'identities/risk/app.yaml': edit(IDENTITY, 'team: payments', 'team: risk') } },
    {
      name: 'org.yaml absent',
      files: { 'identities/org.yaml': null, [at]: edit(IDENTITY, 'team: payments', 'team: marketing') },
    },
    {
      name: 'tombstone of a dissolved team',
      files: { [at]: tombstone(edit(IDENTITY, 'team: payments', 'team: marketing')) },
    },
  ],
  bad: [
    {
      name: 'typo gets a suggestion',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: paymnets') },
      expect: [
        {
          line: 11,
          column: 11,
          messageId: 'unknownTeamGuess',
          message: /team "paymnets" is not declared in org\.yaml; did you mean "payments"\?/,
        },
      ],
    },
    {
      name: 'a near miss',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: payment') },
      expect: [{ line: 11, column: 11, messageId: 'unknownTeamGuess', message: /did you mean "payments"/ }],
    },
    {
      name: 'unknown team, nothing close',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: marketing') },
      expect: [
        { line: 11, column: 11, messageId: 'unknownTeam', message: /^team "marketing" is not declared in org\.yaml$/ },
      ],
    },
  ],
});
