import {
  apiGroupPath,
  isWildcardResource,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  resourcePath,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  apiGroups:
    '"*" in apiGroups matches every API group in {{where}}, including custom resources installed later; ' +
    'list the groups the identity uses',
  resources:
    '"*" in resources grants every resource of its API groups in {{where}}, secrets and pods/exec included, ' +
    'and resources added later; list the resources the identity uses',
  subresources:
    '"{{resource}}" grants that subresource of every resource in {{where}}, including resources added ' +
    'later; name the resources',
  verbs:
    '"*" in verbs grants every verb in {{where}}, delete, escalate, bind and impersonate included where the ' +
    'resources have them; list the verbs the identity uses',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-wildcard',
    severity: 'error',
    title: 'Wildcard in a Kubernetes RBAC rule',
    rationale:
      '"*" in verbs, resources or apiGroups grants everything that exists, secrets, pods/exec, escalate and ' +
      'impersonate included, and everything added later: a new Kubernetes version or an installed CRD ' +
      'silently widens the grant (CIS Kubernetes Benchmark 5.1.3).',
    fix:
      'List the API groups, resources and verbs the identity uses; `kubectl auth can-i --list ' +
      '--as=system:serviceaccount:<namespace>:<name>` and the API server audit log show what it calls.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const source = sourceRule(data, g);
      if (!source) continue;
      const where = placeOf(g);
      if (g.apiGroup === '*') out.push({ path: apiGroupPath(source, g), messageId: 'apiGroups', data: { where } });
      if (g.resource === '*') out.push({ path: resourcePath(source, g), messageId: 'resources', data: { where } });
      else if (isWildcardResource(g.resource))
        out.push({ path: resourcePath(source, g), messageId: 'subresources', data: { resource: g.resource, where } });
      if (g.verb === '*') out.push({ path: g.path, messageId: 'verbs', data: { where } });
    }
    return oncePerPath(out);
  },
});
