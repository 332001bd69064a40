import { edit, IDENTITY, ruleTable } from '../harness.js';

const risk = edit(edit(edit(IDENTITY, 'team: payments', 'team: risk'), 'owner: alice@example.com', 'owner: dave@example.com'), 'successor: bob@example.com', 'successor: erin@example.com');

ruleTable('stewardship/folder-matches-team', {
  good: [
    { name: 'identities/<team>/<name>.yaml', files: { 'identities/payments/app.yaml': IDENTITY } },
    { name: 'the second team', files: { 'identities/risk/app.yaml': risk } },
    { name: '.yml', files: { 'identities/payments/app.yml': IDENTITY } },
    { name: 'org.yaml absent: the layout needs no org.yaml', files: { 'identities/org.yaml': null, 'identities/payments/app.yaml': IDENTITY } },
  ],
  bad: [
    { name: 'another team\'s folder', files: { 'identities/risk/app.yaml': IDENTITY }, expect: [{ line: 11, column: 11, message: /file is in folder "risk" but spec\.stewardship\.team is "payments"; move it to "identities\/payments\/app\.yaml"/ }] },
    { name: 'directly under identities/', files: { 'identities/app.yaml': IDENTITY }, expect: [{ line: 11, column: 11, message: /not in identities\/<team>\// }] },
    { name: 'nested deeper, even below the team folder', files: { 'identities/payments/batch/app.yaml': IDENTITY }, expect: [{ line: 11, column: 11, message: /move it to "identities\/payments\/app\.yaml"/ }] },
    { name: 'folder names are case-sensitive', files: { 'identities/Payments/app.yaml': IDENTITY }, expect: [{ line: 11, column: 11 }] },
    { name: 'tombstones keep the layout too', files: { 'identities/risk/app.yaml': `${IDENTITY}  status: decommissioned\n` }, expect: [{ line: 11, column: 11 }] },
  ],
});
