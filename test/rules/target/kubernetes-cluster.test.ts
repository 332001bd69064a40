import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

const at = 'identities/payments/app.yaml';
const withK8s = (cluster: string) => `${IDENTITY}    kubernetes:
      cluster: ${cluster}
      namespace: payments
`;
const trust = (cluster: string) => edit(IDENTITY, 'cluster: prod-eu,', `cluster: ${cluster},`);
const noTargets = edit(ORG, ORG.slice(ORG.indexOf('  targets:\n'), ORG.indexOf('  limits:\n')), '');

ruleTable('target/kubernetes-cluster', {
  good: [
    { name: 'declared clusters', files: { [at]: withK8s('prod-eu') } },
    {
      name: 'no Kubernetes at all',
      files: {
        'identities/org.yaml': noTargets,
        [at]: edit(
          IDENTITY,
          '      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }\n',
          '',
        ),
      },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: withK8s('prod-us') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(trust('prod-us'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'role trust in an undeclared cluster',
      files: { [at]: trust('prod-us') },
      expect: [
        {
          line: 21,
          column: 32,
          messageId: 'undeclared',
          message: /Kubernetes cluster prod-us is not declared in org.yaml targets.kubernetes/,
        },
      ],
    },
    {
      name: 'service account in an undeclared cluster',
      files: { [at]: withK8s('prod-us') },
      expect: [{ line: 26, column: 16, messageId: 'undeclared', message: /prod-us/ }],
    },
    {
      name: 'no targets: both are reported',
      files: { 'identities/org.yaml': noTargets, [at]: withK8s('prod-eu') },
      expect: [
        { line: 21, column: 32, messageId: 'undeclared' },
        { line: 26, column: 16, messageId: 'undeclared' },
      ],
    },
    {
      name: 'an EKS Pod Identity trust in an undeclared cluster',
      files: fed(trusting('eksPodIdentity: [{ cluster: prod-us, namespace: payments, serviceAccount: app }]')),
      expect: [{ line: 21, column: 37, messageId: 'undeclared', message: /prod-us/ }],
    },
  ],
});
