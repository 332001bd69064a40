import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'delivery/kubernetes-cluster',
    severity: 'error',
    title: 'Kubernetes Secret delivery without a cluster',
    rationale:
      'spec.delivery.kubernetesSecret names a namespace and a Secret but no cluster: the cluster is the ' +
      "identity's own spec.access.kubernetes.cluster. Without it the credential has nowhere defined to go, " +
      "and its namespace cannot be checked against the team's boundary.",
    fix:
      'Add spec.access.kubernetes (cluster and namespace of the workload that reads the Secret), or deliver ' +
      'to Vault with spec.delivery.vaultPath.',
    owasp: ['NHI2', 'NHI8'],
  },
  messages: {
    noCluster:
      'spec.delivery.kubernetesSecret needs spec.access.kubernetes: its cluster is where the Secret is written',
  },
  check({ data }) {
    if (!data.spec.delivery?.kubernetesSecret || data.spec.access.kubernetes) return [];
    return [{ path: ['spec', 'delivery', 'kubernetesSecret'], at: 'key', messageId: 'noCluster' }];
  },
});
