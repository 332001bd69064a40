// Does a Kubernetes RBAC grant allow one concrete request? The authorizer's own test
// (k8s.io/component-helpers/auth/rbac/validation, RuleAllows): the verb, the API group and the
// resource (`pods`, or `pods/exec` for a subresource) each match exactly or through `*` — and `*/exec`
// matches the exec subresource of every resource; `pods/*` is no wildcard to RBAC. A rule with
// resourceNames allows only requests that carry one of those names, so it never allows a request
// without a name: create and deletecollection never carry one, list and watch only with a
// `metadata.name=<name>` field selector (the API server's RequestInfo takes the name from it; Kubernetes
// RBAC docs, "Referring to resources"). All exact and case-sensitive.
// test/access/rbac-authorizer.test.ts runs the authorizer's own test cases through this function.
//
// idac binds every rule with a RoleBinding in the identity's own namespace, so the request must be in
// that cluster and namespace, and a grant on a cluster-scoped resource reaches nothing (but for the
// few a Role does reach: kubernetes-api.ts roleCanGrant).

import { groupCovers, resourceCovers, roleCanGrant, verbCovers } from './kubernetes-api.js';
import type { KubernetesGrant } from './model.js';

export interface RbacRequest {
  cluster: string;
  namespace: string;
  verb: string;
  /** '' for the core group. */
  apiGroup: string;
  /** `pods` or `pods/exec`. */
  resource: string;
  /** The object's name, or null for a request that names none. */
  name: string | null;
}

export function rbacGrantAllows(
  g: Pick<KubernetesGrant, 'cluster' | 'namespace' | 'verb' | 'apiGroup' | 'resource' | 'resourceName'>,
  r: RbacRequest,
): boolean {
  return (
    g.cluster === r.cluster &&
    g.namespace === r.namespace &&
    verbCovers(g.verb, r.verb) &&
    groupCovers(g.apiGroup, r.apiGroup) &&
    resourceCovers(g.resource, r.resource) &&
    (g.resourceName === null || g.resourceName === r.name) &&
    roleCanGrant(r.apiGroup, r.resource, r.verb)
  );
}
