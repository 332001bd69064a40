import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const TARGETS = `  targets:
    aws:
      "123456789012": { region: eu-west-1, oidcProviders: { prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE } }
`;
const other = edit(IDENTITY, 'account: "123456789012"', 'account: "210987654321"');
const k8sOnly = edit(
  IDENTITY,
  IDENTITY.slice(IDENTITY.indexOf('    aws:\n')),
  '    kubernetes: { cluster: prod-eu, namespace: payments }\n',
);

ruleTable('target/aws-account', {
  good: [
    { name: 'a declared account', files: { [at]: IDENTITY } },
    { name: 'no AWS access', files: { 'identities/org.yaml': edit(ORG, TARGETS, '  targets:\n'), [at]: k8sOnly } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: other } },
    {
      name: 'a tombstone is skipped',
      files: { [at]: edit(other, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') },
    },
  ],
  bad: [
    {
      name: 'an undeclared account',
      files: { [at]: other },
      expect: [
        {
          line: 18,
          column: 16,
          messageId: 'undeclared',
          message: /AWS account 210987654321 is not declared in org.yaml targets.aws/,
        },
      ],
    },
    {
      name: 'no targets.aws',
      files: { 'identities/org.yaml': edit(ORG, TARGETS, '  targets:\n'), [at]: IDENTITY },
      expect: [{ line: 18, column: 16, messageId: 'undeclared' }],
    },
    {
      name: 'no targets at all',
      files: {
        'identities/org.yaml': edit(ORG, ORG.slice(ORG.indexOf('  targets:\n'), ORG.indexOf('  limits:\n')), ''),
        [at]: IDENTITY,
      },
      expect: [{ line: 18, column: 16, messageId: 'undeclared' }],
    },
    {
      name: 'an account inside the team boundary is still not a target',
      files: {
        'identities/org.yaml': edit(ORG, 'accounts: ["123456789012"]', 'accounts: ["123456789012", "210987654321"]'),
        [at]: other,
      },
      expect: [{ line: 18, column: 16, messageId: 'undeclared' }],
    },
  ],
});
