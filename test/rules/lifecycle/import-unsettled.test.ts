import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const imported = (live: string): string =>
  edit(
    IDENTITY,
    '  name: app\n',
    '  name: app\n  importedFrom:\n    target: aws\n    id: arn:aws:iam::123456789012:role/app\n    name: app\n' +
      `    at: 2026-11-20\n${live}`,
  );

ruleTable('lifecycle/import-unsettled', {
  good: [
    { name: 'not imported', files: { [at]: IDENTITY } },
    { name: 'imported whole', files: { [at]: imported('    live: { path: / }\n') } },
    {
      name: 'every statement settled (the list emptied)',
      files: { [at]: imported('    live: { notExpressible: [] }\n') },
    },
  ],
  bad: [
    {
      name: 'a Deny and a NotAction import could not express',
      files: {
        [at]: imported('    live:\n      notExpressible: ["sha256:0123456789abcdef", "sha256:fedcba9876543210"]\n'),
      },
      expect: [{ line: 11, column: 23, messageId: 'unsettled', message: /^2 live statement\(s\) idac import could/ }],
    },
  ],
});
