import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const actions = (list: string[]) => edit(IDENTITY, 'actions: [s3:GetObject]', `actions: [${list.join(', ')}]`);
const labels = (n: number) =>
  edit(
    IDENTITY,
    '  name: app\n',
    `  name: app\n  labels:\n${Array.from({ length: n }, (_, i) => `    k${i}: v\n`).join('')}`,
  );

ruleTable('schema/size', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'exactly 100 actions (the limit is inclusive)', files: { [at]: actions(Array(100).fill('s3:GetObject')) } },
    { name: 'exactly 32 labels', files: { [at]: labels(32) } },
    // An empty team is org/team-without-members' finding, so an org.yaml idac import extended still loads.
    {
      name: 'a team with an empty member list',
      files: { 'identities/org.yaml': edit(ORG, 'members: [dave@example.com, erin@example.com]', 'members: []') },
    },
  ],
  bad: [
    {
      name: '10,000 actions: one finding, not 10,000',
      files: { [at]: actions(Array(10_000).fill('s3:GetObject')) },
      expect: [
        {
          line: 23,
          column: 20,
          messageId: 'tooMany',
          message: new RegExp(
            String.raw`^spec\.access\.aws\.permissions\[0\]\.actions has more than 100 entries; split t` +
              String.raw`he identity or tighten the grant$`,
          ),
        },
      ],
    },
    {
      name: '10,000 malformed actions: still one finding, the entries are not judged one by one',
      files: { [at]: actions(Array(10_000).fill('not an action')) },
      expect: [{ line: 23, column: 20, messageId: 'tooMany' }],
    },
    {
      name: '101 actions',
      files: { [at]: actions(Array(101).fill('s3:GetObject')) },
      expect: [{ line: 23, column: 20, messageId: 'tooMany' }],
    },
    {
      name: 'an empty list is never "no restriction"',
      files: { [at]: actions([]) },
      expect: [
        {
          line: 23,
          column: 20,
          messageId: 'emptyList',
          message: new RegExp(
            String.raw`^spec\.access\.aws\.permissions\[0\]\.actions must not be empty \(an empty list ` +
              String.raw`never means "no restriction"\)$`,
          ),
        },
      ],
    },
    {
      name: '33 labels',
      files: { [at]: labels(33) },
      expect: [{ line: 6, column: 5, messageId: 'tooMany', message: /^metadata\.labels has more than 32 keys/ }],
    },
    {
      name: '2,000 labels with malformed keys: one finding, the keys are not judged one by one',
      files: {
        [at]: edit(
          IDENTITY,
          '  name: app\n',
          `  name: app\n  labels:\n${Array.from({ length: 2000 }, (_, i) => `    K_${i}: v\n`).join('')}`,
        ),
      },
      expect: [{ line: 6, column: 5, messageId: 'tooMany' }],
    },
  ],
});
