import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const deliver = (text: string) =>
  edit(
    text,
    '  access:\n',
    '  delivery:\n    kubernetesSecret: { namespace: payments, name: app-credentials }\n  access:\n',
  );
const withK8s = edit(IDENTITY, '  access:\n', '  access:\n    kubernetes: { cluster: prod-eu, namespace: payments }\n');

ruleTable('delivery/kubernetes-cluster', {
  good: [
    { name: 'no delivery', files: { [at]: IDENTITY } },
    { name: "a Secret in the identity's own cluster", files: { [at]: deliver(withK8s) } },
    {
      name: 'delivery to Vault needs no cluster',
      files: { [at]: edit(IDENTITY, '  access:\n', '  delivery:\n    vaultPath: kv/data/payments/app\n  access:\n') },
    },
  ],
  bad: [
    {
      name: 'a Secret with no cluster to write it to',
      files: { [at]: deliver(IDENTITY) },
      expect: [{ line: 17, column: 5, messageId: 'noCluster', message: /needs spec\.access\.kubernetes/ }],
    },
  ],
});
