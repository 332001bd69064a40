import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  relabel: '{{grant}} lets the identity relabel namespace {{where}} (Pod Security level, NetworkPolicy selectors)',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-namespace-patch',
    severity: 'error',
    title: 'Kubernetes grant relabels its namespace',
    rationale:
      'A Role in a namespace also governs the Namespace object itself: patch or update on namespaces lets ' +
      "the identity change its namespace's labels, switching Pod Security admission to privileged or moving " +
      'the namespace out of (or into) NetworkPolicy selectors.',
    fix: 'Remove patch and update on namespaces; namespace labels are set by the platform team.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['namespaces'], ['patch', 'update']);
      if (hit)
        out.push({ path: g.path, messageId: 'relabel', data: { grant: describeHit(g, hit), where: placeOf(g) } });
    }
    return oncePerPath(out);
  },
});
