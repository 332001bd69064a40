// RBAC request matching, as the Kubernetes authorizer decides it for a Role in the identity's namespace.
import { describe, expect, it } from 'vitest';
import { rbacGrantAllows, type RbacRequest } from '../../src/access/rbac-request.js';

const grant = (verb: string, resource: string, apiGroup = '', resourceName: string | null = null) => ({
  cluster: 'prod-eu',
  namespace: 'payments',
  verb,
  apiGroup,
  resource,
  resourceName,
});
const request = (
  verb: string,
  resource: string,
  apiGroup = '',
  name: string | null = null,
  where: Partial<RbacRequest> = {},
): RbacRequest => ({ cluster: 'prod-eu', namespace: 'payments', verb, apiGroup, resource, name, ...where });

describe('rbacGrantAllows', () => {
  it.each([
    ['exact', grant('get', 'pods'), request('get', 'pods'), true],
    ['another verb', grant('get', 'pods'), request('list', 'pods'), false],
    ['verb *', grant('*', 'pods'), request('delete', 'pods'), true],
    ['resource *', grant('get', '*'), request('get', 'secrets'), true],
    ['resource * reaches subresources', grant('create', '*'), request('create', 'pods/exec'), true],
    ['group * ', grant('get', 'deployments', '*'), request('get', 'deployments', 'apps'), true],
    ['another group', grant('get', 'deployments', 'apps'), request('get', 'deployments', 'extensions'), false],
    ['core group is not apps', grant('get', 'deployments', ''), request('get', 'deployments', 'apps'), false],
    // Subresources are resources of their own.
    ['pods does not reach pods/exec', grant('create', 'pods'), request('create', 'pods/exec'), false],
    ['pods/exec does not reach pods', grant('create', 'pods/exec'), request('create', 'pods'), false],
    ['pods/exec', grant('create', 'pods/exec'), request('create', 'pods/exec', '', 'web-0'), true],
    ['*/exec reaches every exec', grant('create', '*/exec'), request('create', 'pods/exec'), true],
    ['*/exec is not pods/log', grant('get', '*/exec'), request('get', 'pods/log'), false],
    ['*/exec is not pods', grant('create', '*/exec'), request('create', 'pods'), false],
    ['pods/* is no wildcard to RBAC', grant('get', 'pods/*'), request('get', 'pods/log'), false],
    // resourceNames: only requests that carry one of the names.
    ['named object', grant('get', 'configmaps', '', 'cfg'), request('get', 'configmaps', '', 'cfg'), true],
    ['another object', grant('get', 'configmaps', '', 'cfg'), request('get', 'configmaps', '', 'other'), false],
    ['no name in the request', grant('list', 'configmaps', '', 'cfg'), request('list', 'configmaps'), false],
    ['no resourceNames: any name', grant('get', 'configmaps'), request('get', 'configmaps', '', 'anything'), true],
    ['names are case-sensitive', grant('get', 'configmaps', '', 'cfg'), request('get', 'configmaps', '', 'CFG'), false],
    // The Role lives in one cluster and namespace.
    ['another namespace', grant('get', 'pods'), request('get', 'pods', '', null, { namespace: 'default' }), false],
    ['another cluster', grant('get', 'pods'), request('get', 'pods', '', null, { cluster: 'prod-us' }), false],
    // A Role cannot grant cluster-scoped resources, but reaches its own Namespace object.
    ['nodes', grant('get', 'nodes'), request('get', 'nodes'), false],
    ['* does not reach nodes', grant('*', '*', '*'), request('get', 'nodes'), false],
    ['its namespace by name', grant('get', 'namespaces'), request('get', 'namespaces', '', 'payments'), true],
  ])('%s', (_label, g, r, expected) => expect(rbacGrantAllows(g, r)).toBe(expected));
});
