import { show } from '../../common/findings.js';
import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  reachesAny,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  bind: '{{grant}} in {{where}} lets the identity bind {{which}} without holding its permissions',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-bind',
    severity: 'error',
    title: 'Kubernetes grant holds the bind verb',
    rationale:
      'RBAC stops anyone from binding a role with permissions they do not hold, unless they have bind on ' +
      'it: with bind on clusterroles (checked in the namespace of the RoleBinding) an identity that can ' +
      'write RoleBindings binds cluster-admin in its namespace.',
    fix:
      'Remove bind; if the identity manages RoleBindings, limit bind to the named roles it hands out with ' +
      'resourceNames and record an exception in org.yaml.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, 'rbac.authorization.k8s.io', ['roles', 'clusterroles'], ['bind']);
      if (!hit) continue;
      const names = sourceRule(data, g)?.rule.resourceNames;
      const which = names
        ? `the ${hit.resource} named ${names.map((n) => show(n)).join(', ')}`
        : hit.resource === 'clusterroles'
          ? 'any ClusterRole, cluster-admin included,'
          : 'any Role';
      out.push({ path: g.path, messageId: 'bind', data: { grant: describeHit(g, hit), where: placeOf(g), which } });
    }
    return oncePerPath(out);
  },
});
