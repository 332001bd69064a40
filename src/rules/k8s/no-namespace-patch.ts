import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-namespace-patch',
    severity: 'error',
    title: 'Kubernetes grant relabels its namespace',
    rationale: 'A Role in a namespace also governs the Namespace object itself: patch or update on namespaces lets the identity change its namespace\'s labels, switching Pod Security admission to privileged or moving the namespace out of (or into) NetworkPolicy selectors.',
    fix: 'Remove patch and update on namespaces; namespace labels are set by the platform team.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['namespaces'], ['patch', 'update']);
      if (hit) out.push({ path: g.path, message: `${describeHit(g, hit)} lets the identity relabel namespace ${placeOf(g)} (Pod Security level, NetworkPolicy selectors)` });
    }
    return oncePerPath(out);
  },
});
