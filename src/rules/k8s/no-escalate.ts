import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  escalate: '{{grant}} in {{where}} lets the identity write roles with permissions it does not hold',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-escalate',
    severity: 'error',
    title: 'Kubernetes grant holds the escalate verb',
    rationale:
      'RBAC stops anyone from writing a Role with permissions they do not hold, unless they have escalate ' +
      'on roles or clusterroles: with it an identity can write itself any permission, so escalate is as ' +
      'strong as the strongest role.',
    fix:
      'Remove escalate. An identity that manages Roles needs create/update on roles and already holding every ' +
      'permission it writes into them.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, 'rbac.authorization.k8s.io', ['roles', 'clusterroles'], ['escalate']);
      if (hit)
        out.push({ path: g.path, messageId: 'escalate', data: { grant: describeHit(g, hit), where: placeOf(g) } });
    }
    return oncePerPath(out);
  },
});
