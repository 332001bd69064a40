import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  rebind:
    '{{grant}} in {{where}} without resourceNames can add any subject to the role bindings of the namespace ' +
    '(handing on every role it holds) or remove the subjects its workloads depend on',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-rolebinding-write',
    severity: 'warning',
    title: 'Kubernetes grant rewrites role bindings',
    rationale:
      'create, update or patch on rolebindings lets the identity point any binding of the namespace at new ' +
      'subjects. RBAC escalation prevention limits it to roles whose permissions it holds (with bind, to any ' +
      'role: k8s/no-bind), so on its own it spreads access rather than gains it; KubiScan rates get + patch ' +
      'on rolebindings low (risky-add-rolebinding), hence a warning.',
    fix:
      'Leave bindings to idac: it writes the RoleBinding of every identity. If this identity manages one ' +
      'binding, name it in resourceNames.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      if (g.resourceName !== null) continue;
      const hit = reachesAny(g, 'rbac.authorization.k8s.io', ['rolebindings'], ['create', 'patch', 'update']);
      if (hit) out.push({ path: g.path, messageId: 'rebind', data: { grant: describeHit(g, hit), where: placeOf(g) } });
    }
    return oncePerPath(out);
  },
});
