// The Kubernetes RBAC authorizer's own test cases, run through idac's model: a manifest's rules become
// grants (src/access/model.ts, one per verb × group × resource × name, as who-can sees them) and
// rbacGrantAllows decides each request. The rows are derived from, not copied out of:
//   kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac_test.go at 90d6cfcf171c057ad95e62eff091e3d13d3bfed5
//     (TestRuleMatches: star verb / star group / star resource / tuple expansion / subresource expansion;
//      TestAuthorizer: a ClusterRole bound by a RoleBinding in ns1, `pods` vs `pods/status`, `*/scale`)
//   kubernetes/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go at 6732d913237bd282d81fe99df860938c5d60480a
//     (VerbMatches, APIGroupMatches, ResourceMatches with `*/<subresource>`, ResourceNameMatches).
// The authorizer sees a request as verb, API group, resource, subresource, namespace and name; idac joins
// resource and subresource as `pods/status`, the way ResourceMatches compares them. Where the two disagree the
// API server is right, and idac's model is what changes. idac always binds with a RoleBinding in the identity's
// namespace, so TestAuthorizer's ClusterRole-through-RoleBinding case is exactly idac's shape.
//
// Upstream uses made-up names (verb1, group1, resource1): the model does not care whether they exist, and
// unknown resources are given the benefit of the doubt (kubernetes-api.ts roleCanGrant), as RBAC does.

import { describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { effectiveAccess, type KubernetesGrant } from '../../src/access/model.js';
import { rbacGrantAllows, type RbacRequest } from '../../src/access/rbac-request.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
}

const NOW = Date.parse('2026-11-23T00:00:00Z');

/** An identity in prod-eu/ns1 holding `rules`, the grants idac's model makes of them. */
function grantsOf(rules: Rule[]): KubernetesGrant[] {
  const data = {
    apiVersion: 'idac/v1',
    kind: 'MachineIdentity',
    metadata: { name: 'subject' },
    spec: {
      type: 'workload',
      purpose: 'RBAC authorizer table',
      stewardship: { owner: 'a@example.com', successor: 'b@example.com', team: 't' },
      expires: '2027-01-01',
      access: { kubernetes: { cluster: 'prod-eu', namespace: 'ns1', rules } },
    },
  } as MachineIdentity;
  return effectiveAccess(data, NOW, iamCatalog).grants.filter((g): g is KubernetesGrant => g.target === 'kubernetes');
}

/** The authorizer's attributes: resource and subresource apart, as the API server's RequestInfo gives them. */
interface Attributes {
  verb: string;
  group?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

function request(a: Attributes): RbacRequest {
  return {
    cluster: 'prod-eu',
    namespace: a.namespace ?? 'ns1',
    verb: a.verb,
    apiGroup: a.group ?? '',
    resource: a.subresource ? `${a.resource}/${a.subresource}` : a.resource,
    name: a.name ?? null,
  };
}

const allows = (rules: Rule[], a: Attributes): boolean => grantsOf(rules).some((g) => rbacGrantAllows(g, request(a)));

const rule = (verbs: string, apiGroups: string, resources: string, resourceNames?: string): Rule => ({
  verbs: verbs.split(','),
  apiGroups: apiGroups.split(','),
  resources: resources.split(','),
  ...(resourceNames === undefined ? {} : { resourceNames: resourceNames.split(',') }),
});

type Row = [verb: string, group: string, resource: string, subresource: string, expected: boolean];

/** One upstream TestRuleMatches case: a rule and its requests with the decision the authorizer gives. */
interface Case {
  name: string;
  rule: Rule;
  rows: Row[];
}

const RULE_MATCHES: Case[] = [
  {
    name: 'star verb, exact match other',
    rule: rule('*', 'group1', 'resource1'),
    rows: [
      ['verb1', 'group1', 'resource1', '', true],
      ['verb1', 'group2', 'resource1', '', false],
      ['verb1', 'group1', 'resource2', '', false],
      ['verb1', 'group2', 'resource2', '', false],
      ['verb2', 'group1', 'resource1', '', true],
      ['verb2', 'group2', 'resource1', '', false],
      ['verb2', 'group1', 'resource2', '', false],
      ['verb2', 'group2', 'resource2', '', false],
    ],
  },
  {
    name: 'star group, exact match other',
    rule: rule('verb1', '*', 'resource1'),
    rows: [
      ['verb1', 'group1', 'resource1', '', true],
      ['verb1', 'group2', 'resource1', '', true],
      ['verb1', 'group1', 'resource2', '', false],
      ['verb1', 'group2', 'resource2', '', false],
      ['verb2', 'group1', 'resource1', '', false],
      ['verb2', 'group2', 'resource1', '', false],
      ['verb2', 'group1', 'resource2', '', false],
      ['verb2', 'group2', 'resource2', '', false],
    ],
  },
  {
    name: 'star resource, exact match other',
    rule: rule('verb1', 'group1', '*'),
    rows: [
      ['verb1', 'group1', 'resource1', '', true],
      ['verb1', 'group2', 'resource1', '', false],
      ['verb1', 'group1', 'resource2', '', true],
      ['verb1', 'group2', 'resource2', '', false],
      ['verb2', 'group1', 'resource1', '', false],
      ['verb2', 'group2', 'resource1', '', false],
      ['verb2', 'group1', 'resource2', '', false],
      ['verb2', 'group2', 'resource2', '', false],
    ],
  },
  {
    name: 'tuple expansion',
    rule: rule('verb1,verb2', 'group1,group2', 'resource1,resource2'),
    rows: [
      ['verb1', 'group1', 'resource1', '', true],
      ['verb1', 'group2', 'resource1', '', true],
      ['verb1', 'group1', 'resource2', '', true],
      ['verb1', 'group2', 'resource2', '', true],
      ['verb2', 'group1', 'resource1', '', true],
      ['verb2', 'group2', 'resource1', '', true],
      ['verb2', 'group1', 'resource2', '', true],
      ['verb2', 'group2', 'resource2', '', true],
    ],
  },
  {
    name: 'subresource expansion',
    rule: rule('*', '*', 'resource1/subresource1'),
    rows: [
      ['verb1', 'group1', 'resource1', 'subresource1', true],
      ['verb1', 'group2', 'resource1', 'subresource2', false],
      ['verb1', 'group1', 'resource2', 'subresource1', false],
      ['verb1', 'group2', 'resource2', 'subresource1', false],
      ['verb2', 'group1', 'resource1', 'subresource1', true],
      ['verb2', 'group2', 'resource1', 'subresource2', false],
      ['verb2', 'group1', 'resource2', 'subresource1', false],
      ['verb2', 'group2', 'resource2', 'subresource1', false],
      // The parent alone is another resource to RBAC.
      ['verb1', 'group1', 'resource1', '', false],
    ],
  },
];

describe('TestRuleMatches, through the model', () => {
  for (const c of RULE_MATCHES)
    it.each(c.rows)(`${c.name}: %s %s %s/%s → %s`, (verb, group, resource, subresource, expected) =>
      expect(allows([c.rule], { verb, group, resource, subresource })).toBe(expected),
    );
});

/** TestAuthorizer's resource cases: the rules of one ClusterRole bound by a RoleBinding in ns1. */
const AUTHORIZER: { name: string; rules: Rule[]; pass: Attributes[]; fail: Attributes[] }[] = [
  {
    name: 'everything in ns1',
    rules: [rule('*', '*', '*')],
    pass: [
      { verb: 'get', resource: 'Pods' },
      { verb: 'watch', resource: 'Pods' },
      { verb: 'watch', resource: 'Foobar' },
    ],
    fail: [
      // Another namespace; a cluster-scoped request has none.
      { verb: 'GET', resource: 'Pods', namespace: 'ns2' },
      { verb: 'GET', resource: 'Nodes', namespace: '' },
    ],
  },
  {
    name: 'pods is not pods/status',
    rules: [rule('*', '*', 'pods')],
    pass: [{ verb: 'get', resource: 'pods' }],
    fail: [{ verb: 'get', resource: 'pods', subresource: 'status' }],
  },
  {
    name: 'pods/status and */scale',
    rules: [rule('*', '*', 'pods/status'), rule('*', '*', '*/scale')],
    pass: [
      { verb: 'get', resource: 'pods', subresource: 'status' },
      { verb: 'get', resource: 'pods', subresource: 'scale' },
      { verb: 'get', resource: 'deployments', subresource: 'scale' },
      { verb: 'get', resource: 'anything', subresource: 'scale' },
    ],
    fail: [{ verb: 'get', resource: 'pods' }],
  },
];

describe('TestAuthorizer, through the model', () => {
  for (const c of AUTHORIZER) {
    it.each(c.pass)(`${c.name}: allows %o`, (a) => expect(allows(c.rules, a)).toBe(true));
    it.each(c.fail)(`${c.name}: denies %o`, (a) => expect(allows(c.rules, a)).toBe(false));
  }
});

// evaluation_helpers.go, one function at a time, on the resources idac's rules reason about.
describe('evaluation helpers, through the model', () => {
  it.each<[string, Rule, Attributes, boolean]>([
    // VerbMatches: "*" or the verb itself, case-sensitive.
    ['verb exact', rule('get', '', 'pods'), { verb: 'get', resource: 'pods' }, true],
    ['verb other', rule('get', '', 'pods'), { verb: 'list', resource: 'pods' }, false],
    ['verb case', rule('get', '', 'pods'), { verb: 'GET', resource: 'pods' }, false],
    ['verb star', rule('*', '', 'pods'), { verb: 'deletecollection', resource: 'pods' }, true],
    ['verb list of two', rule('get,list', '', 'pods'), { verb: 'list', resource: 'pods' }, true],
    // APIGroupMatches: "*" or the group itself; "" is the core group and nothing else.
    ['core group', rule('get', '', 'pods'), { verb: 'get', resource: 'pods' }, true],
    [
      'core is not apps',
      rule('get', '', 'deployments'),
      { verb: 'get', group: 'apps', resource: 'deployments' },
      false,
    ],
    ['apps', rule('get', 'apps', 'deployments'), { verb: 'get', group: 'apps', resource: 'deployments' }, true],
    ['group star', rule('get', '*', 'deployments'), { verb: 'get', group: 'apps', resource: 'deployments' }, true],
    ['group star, core', rule('get', '*', 'pods'), { verb: 'get', resource: 'pods' }, true],
    [
      'no group prefix match',
      rule('get', 'apps', 'x'),
      { verb: 'get', group: 'apps.example.com', resource: 'x' },
      false,
    ],
    // ResourceMatches: "*", the combined name, or "*/<subresource>"; nothing else is a pattern.
    [
      'resource star reaches subresources',
      rule('create', '', '*'),
      { verb: 'create', resource: 'pods', subresource: 'exec' },
      true,
    ],
    ['*/exec', rule('create', '', '*/exec'), { verb: 'create', resource: 'pods', subresource: 'exec' }, true],
    ['*/exec is not the parent', rule('create', '', '*/exec'), { verb: 'create', resource: 'pods' }, false],
    ['*/exec is not */log', rule('get', '', '*/exec'), { verb: 'get', resource: 'pods', subresource: 'log' }, false],
    [
      '*/exe is no prefix',
      rule('create', '', '*/exe'),
      { verb: 'create', resource: 'pods', subresource: 'exec' },
      false,
    ],
    [
      '*/xec is no suffix',
      rule('create', '', '*/xec'),
      { verb: 'create', resource: 'pods', subresource: 'exec' },
      false,
    ],
    ['pods/* is no wildcard', rule('get', '', 'pods/*'), { verb: 'get', resource: 'pods', subresource: 'log' }, false],
    [
      '*/* only matches subresource *',
      rule('get', '', '*/*'),
      { verb: 'get', resource: 'pods', subresource: 'log' },
      false,
    ],
    ['pods/exec is not pods', rule('create', '', 'pods/exec'), { verb: 'create', resource: 'pods' }, false],
    ['resource case', rule('get', '', 'pods'), { verb: 'get', resource: 'Pods' }, false],
    [
      '*/scale in apps',
      rule('patch', 'apps', '*/scale'),
      { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale' },
      true,
    ],
    [
      'deployments/scale is not deployments',
      rule('patch', 'apps', 'deployments/scale'),
      { verb: 'patch', group: 'apps', resource: 'deployments' },
      false,
    ],
    // ResourceNameMatches: no names match every request; names match only a request carrying one of them.
    ['no names, any name', rule('get', '', 'secrets'), { verb: 'get', resource: 'secrets', name: 'db' }, true],
    ['no names, no name', rule('list', '', 'secrets'), { verb: 'list', resource: 'secrets' }, true],
    ['named', rule('get', '', 'secrets', 'db'), { verb: 'get', resource: 'secrets', name: 'db' }, true],
    ['another name', rule('get', '', 'secrets', 'db'), { verb: 'get', resource: 'secrets', name: 'dbx' }, false],
    ['name case', rule('get', '', 'secrets', 'db'), { verb: 'get', resource: 'secrets', name: 'DB' }, false],
    [
      'names never allow a list without a name',
      rule('list', '', 'secrets', 'db'),
      { verb: 'list', resource: 'secrets' },
      false,
    ],
    // A list or watch with the field selector metadata.name=db reaches the authorizer with the name db.
    [
      'a list selecting the named object',
      rule('list', '', 'secrets', 'db'),
      { verb: 'list', resource: 'secrets', name: 'db' },
      true,
    ],
    [
      'a watch selecting another',
      rule('watch', '', 'secrets', 'db'),
      { verb: 'watch', resource: 'secrets', name: 'x' },
      false,
    ],
    ['names never allow create', rule('create', '', 'secrets', 'db'), { verb: 'create', resource: 'secrets' }, false],
    [
      'one of two names',
      rule('get', 'rbac.authorization.k8s.io', 'roles', 'a,b'),
      { verb: 'get', group: 'rbac.authorization.k8s.io', resource: 'roles', name: 'b' },
      true,
    ],
    [
      'a named pod subresource: create carries the pod name',
      rule('create', '', 'pods/exec', 'web-0'),
      { verb: 'create', resource: 'pods', subresource: 'exec', name: 'web-0' },
      true,
    ],
    [
      'a named pod eviction',
      rule('create', 'policy,', 'pods/eviction', 'web-0'),
      { verb: 'create', resource: 'pods', subresource: 'eviction', name: 'web-1' },
      false,
    ],
  ])('%s', (_label, r, a, expected) => expect(allows([r], a)).toBe(expected));
});
