import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  removePods:
    '{{grant}} in the privileged namespace {{where}} without resourceNames can remove any of its system pods: ' +
    'they are rescheduled, and onto a node the attacker holds once the other nodes are cordoned',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-privileged-pod-eviction',
    severity: 'warning',
    title: 'Kubernetes grant evicts the pods of a privileged namespace',
    rationale:
      'rbac-police steal_pods: whoever can delete or evict the pods of kube-system (or another privileged ' +
      'namespace) and make the other nodes unschedulable moves those pods, and their admin-equivalent service ' +
      'account tokens, onto a node it controls. Cordoning nodes is a cluster-scoped grant no Role gives, so a ' +
      'manifest holds only the first half: a warning, and an outage of the system pods on its own.',
    fix:
      'Leave pod lifecycle in privileged namespaces to their controllers; if the identity drains nodes, run it ' +
      "with the cluster provider's tooling instead, or name the pods it may remove in resourceNames.",
    owasp: ['NHI5'],
  },
  messages,
  check({ access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      if (g.resourceName !== null || !isPrivilegedNamespace(ctx.org, g.cluster, g.namespace)) continue;
      const hit =
        reachesAny(g, '', ['pods'], ['delete', 'deletecollection']) ?? reachesAny(g, '', ['pods/eviction'], ['create']);
      if (hit)
        out.push({ path: g.path, messageId: 'removePods', data: { grant: describeHit(g, hit), where: placeOf(g) } });
    }
    return oncePerPath(out);
  },
});
