import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';
import { fed, trusting as trustingFed } from '../federation.js';

const at = 'identities/payments/app.yaml';
const k8s = (cluster: string, namespace: string) => `    kubernetes:
      cluster: ${cluster}
      namespace: ${namespace}
      serviceAccount: app
`;
const withK8s = (cluster = 'prod-eu', namespace = 'payments') => `${IDENTITY}${k8s(cluster, namespace)}`;
const delivered = (text: string, namespace: string) =>
  edit(
    text,
    '  access:\n',
    `  delivery:\n    kubernetesSecret: { namespace: ${namespace}, name: app-creds }\n  access:\n`,
  );
const trust = (cluster: string, namespace: string) =>
  edit(IDENTITY, 'cluster: prod-eu, namespace: payments', `cluster: ${cluster}, namespace: ${namespace}`);
const namespaces = (list: string) => edit(ORG, 'namespaces: ["prod-eu/payments"]', `namespaces: [${list}]`);

ruleTable('boundary/kubernetes-namespace', {
  good: [
    { name: 'role trust inside the boundary', files: { [at]: IDENTITY } },
    { name: 'service account and delivered secret inside', files: { [at]: delivered(withK8s(), 'payments') } },
    {
      name: '<cluster>/* allows every namespace of the cluster',
      files: { 'identities/org.yaml': namespaces('"prod-eu/*"'), [at]: delivered(withK8s('prod-eu', 'ops'), 'jobs') },
    },
    {
      name: 'no boundaries.kubernetes: no boundary',
      files: {
        'identities/org.yaml': edit(ORG, '        kubernetes: { namespaces: ["prod-eu/payments"] }\n', ''),
        [at]: trust('prod-us', 'ops'),
      },
    },
    {
      name: 'a delivered secret without access.kubernetes has no cluster',
      files: { [at]: delivered(IDENTITY, 'elsewhere') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: trust('prod-us', 'ops') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          trust('prod-us', 'ops'),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'role trust in another namespace',
      files: { [at]: trust('prod-eu', 'risk') },
      expect: [
        {
          line: 21,
          column: 52,
          messageId: 'roleTrust',
          message: /AWS role trust namespace prod-eu\/risk is outside team payments's boundary/,
        },
      ],
    },
    {
      name: 'role trust in another cluster',
      files: { [at]: trust('prod-us', 'payments') },
      expect: [{ line: 21, column: 52, messageId: 'roleTrust', message: /prod-us\/payments/ }],
    },
    {
      name: 'service account in another namespace',
      files: { [at]: withK8s('prod-eu', 'risk') },
      expect: [
        { line: 27, column: 18, messageId: 'serviceAccount', message: /service account namespace prod-eu\/risk/ },
      ],
    },
    {
      name: 'delivered secret in another namespace',
      files: { [at]: delivered(withK8s(), 'risk') },
      expect: [
        { line: 17, column: 36, messageId: 'deliveredSecret', message: /delivered secret namespace prod-eu\/risk/ },
      ],
    },
    {
      name: 'a wildcard for another cluster does not help',
      files: { 'identities/org.yaml': namespaces('"prod-us/*"'), [at]: withK8s() },
      expect: [
        { line: 21, column: 52, messageId: 'roleTrust' },
        { line: 27, column: 18, messageId: 'serviceAccount' },
      ],
    },
    {
      name: 'an empty list allows nothing',
      files: { 'identities/org.yaml': namespaces(''), [at]: IDENTITY },
      expect: [{ line: 21, column: 52, messageId: 'roleTrust' }],
    },
    {
      name: 'an EKS Pod Identity trust in another namespace',
      files: fed(trustingFed('eksPodIdentity: { cluster: prod-eu, namespace: risk, serviceAccount: app }')),
      expect: [
        {
          line: 21,
          column: 56,
          messageId: 'podIdentity',
          message: /^EKS Pod Identity namespace prod-eu\/risk is outside/,
        },
      ],
    },
  ],
});
