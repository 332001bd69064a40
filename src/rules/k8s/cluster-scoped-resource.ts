import type { Path } from '../../common/findings.js';
import {
  apiResource,
  isBuiltinGroup,
  isWildcardResource,
  kubernetesGrants,
  PARTLY_NAMESPACED,
  placeOf,
  resourcePath,
  roleCanGrant,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  clusterScoped:
    '{{resource}} is cluster-scoped: the namespaced Role idac generates in {{where}} cannot grant it, so ' +
    'this grant does nothing',
  clusterScopedVerbs:
    '{{resource}} is cluster-scoped: the namespaced Role idac generates in {{where}} cannot grant {{verbs}} ' +
    'on it, so that grant does nothing ({{why}})',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/cluster-scoped-resource',
    severity: 'error',
    title: 'Kubernetes rule names a cluster-scoped resource',
    rationale:
      'idac compiles access.kubernetes into a Role and RoleBinding in one namespace, and a namespaced Role ' +
      'cannot grant access to cluster-scoped resources (nodes, persistentvolumes, ' +
      'certificatesigningrequests, webhook configurations, clusterroles, …): the rule silently grants ' +
      'nothing, so the manifest does not say what the identity can do.',
    fix:
      'Remove the rule. Access to cluster-scoped resources is cluster infrastructure, granted by a reviewed ' +
      'ClusterRole outside idac; if the identity only needs something in its namespace, name the namespaced ' +
      'resource instead.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data, access }) {
    const found = new Map<string, { path: Path; key: string; resource: string; verbs: Set<string>; where: string }>();
    for (const g of kubernetesGrants(access.grants)) {
      // A wildcard reaches the namespaced resources too; k8s/no-wildcard speaks for it.
      if (g.apiGroup === '*' || isWildcardResource(g.resource) || !isBuiltinGroup(g.apiGroup)) continue;
      const r = apiResource(g.apiGroup, g.resource);
      if (!r || r.namespaced) continue;
      // "*" on a partly namespaced resource grants some verbs and not others: it is reported.
      const partly = PARTLY_NAMESPACED.get(`${g.apiGroup}|${g.resource}`);
      if (roleCanGrant(g.apiGroup, g.resource, g.verb) && !(partly && g.verb === '*')) continue;
      const source = sourceRule(data, g);
      if (!source) continue;
      const path = resourcePath(source, g);
      const key = JSON.stringify(path);
      const entry = found.get(key) ?? {
        path,
        key: `${g.apiGroup}|${g.resource}`,
        resource: g.resource,
        verbs: new Set<string>(),
        where: placeOf(g),
      };
      entry.verbs.add(g.verb);
      found.set(key, entry);
    }
    return [...found.values()].map((f): Report<typeof messages> => {
      const partly = PARTLY_NAMESPACED.get(f.key);
      // For wholly cluster-scoped resources the verbs do not matter (and may be typos).
      if (!partly) return { path: f.path, messageId: 'clusterScoped', data: { resource: f.resource, where: f.where } };
      const verbs = f.verbs.has('*') ? `any verb but ${partly.verbs.join(', ')}` : [...f.verbs].join(', ');
      return {
        path: f.path,
        messageId: 'clusterScopedVerbs',
        data: { resource: f.resource, where: f.where, verbs, why: partly.why },
      };
    });
  },
});
