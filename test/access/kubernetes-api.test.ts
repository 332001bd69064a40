import { describe, expect, it } from 'vitest';
import {
  apiResource,
  apiResources,
  builtinGroups,
  builtinVerbs,
  isBuiltinGroup,
  KUBERNETES_VERSION,
  reaches,
  resourceCovers,
  resourcesMatching,
  roleCanGrant,
} from '../../src/access/kubernetes-api.js';

const STANDARD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SPECIAL = ['approve', 'attest', 'bind', 'escalate', 'impersonate', 'sign'];
const key = (r: { group: string; name: string }) => `${r.group}|${r.name}`;

describe('the pinned Kubernetes API resource table', () => {
  it('is Kubernetes 1.34', () => {
    expect(KUBERNETES_VERSION).toBe('1.34');
  });

  it('has every built-in API group', () => {
    expect([...builtinGroups].sort()).toEqual([
      '',
      'admissionregistration.k8s.io',
      'apiextensions.k8s.io',
      'apiregistration.k8s.io',
      'apps',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'autoscaling',
      'batch',
      'certificates.k8s.io',
      'coordination.k8s.io',
      'discovery.k8s.io',
      'events.k8s.io',
      'flowcontrol.apiserver.k8s.io',
      'internal.apiserver.k8s.io',
      'networking.k8s.io',
      'node.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'resource.k8s.io',
      'scheduling.k8s.io',
      'storage.k8s.io',
      'storagemigration.k8s.io',
    ]);
    expect(isBuiltinGroup('extensions')).toBe(true); // removed, still recognised
    expect(isBuiltinGroup('monitoring.coreos.com')).toBe(false);
  });

  it('has no duplicate resource in a group', () => {
    const keys = apiResources.map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('gives every subresource a parent of the same group and scope', () => {
    for (const r of apiResources.filter((x) => x.name.includes('/'))) {
      const parent = apiResource(r.group, r.name.slice(0, r.name.indexOf('/')));
      expect(parent, key(r)).toBeDefined();
      expect(r.namespaced, key(r)).toBe(parent!.namespaced);
      expect(r.name.split('/')).toHaveLength(2);
    }
  });

  it('uses only real verbs, each once, and plural lower-case names', () => {
    for (const r of apiResources) {
      expect(r.verbs.length, key(r)).toBeGreaterThan(0);
      expect(new Set(r.verbs).size, key(r)).toBe(r.verbs.length);
      for (const v of r.verbs) expect([...STANDARD, ...SPECIAL], `${key(r)} ${v}`).toContain(v);
      expect(r.name, key(r)).toMatch(/^[a-z]+(\/[a-z]+)?$/);
    }
    expect([...builtinVerbs].sort()).toEqual([...STANDARD, ...SPECIAL].sort());
    expect(builtinVerbs).not.toContain('use'); // PodSecurityPolicy was removed in 1.25
  });

  it('keeps short names apart from resource names', () => {
    const names = new Set(apiResources.map((r) => r.name));
    const shorts = apiResources.flatMap((r) => r.shortNames.map((s) => `${r.group}|${s}`));
    expect(shorts.filter((s, i) => shorts.indexOf(s) !== i)).toEqual([]);
    for (const r of apiResources) for (const s of r.shortNames) expect(names.has(s), s).toBe(false);
  });

  it.each([
    ['', 'pods/exec', true, ['create', 'get']],
    ['', 'pods/attach', true, ['create', 'get']],
    ['', 'pods/portforward', true, ['create', 'get']],
    ['', 'pods/ephemeralcontainers', true, ['get', 'patch', 'update']],
    ['', 'pods/log', true, ['get']],
    ['', 'pods/resize', true, ['get', 'patch', 'update']],
    ['', 'serviceaccounts/token', true, ['create']],
    ['', 'nodes/proxy', false, ['create', 'delete', 'get', 'patch', 'update']],
    ['', 'namespaces', false, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']],
    ['', 'componentstatuses', false, ['get', 'list']],
    ['', 'secrets', true, STANDARD],
    ['', 'serviceaccounts', true, [...STANDARD, 'impersonate']],
    ['', 'users', false, ['impersonate']],
    ['', 'groups', false, ['impersonate']],
    ['apps', 'deployments', true, STANDARD],
    ['apps', 'deployments/scale', true, ['get', 'patch', 'update']],
    ['batch', 'cronjobs', true, STANDARD],
    ['rbac.authorization.k8s.io', 'roles', true, [...STANDARD, 'bind', 'escalate']],
    ['rbac.authorization.k8s.io', 'clusterroles', false, [...STANDARD, 'bind', 'escalate']],
    ['certificates.k8s.io', 'certificatesigningrequests/approval', false, ['get', 'patch', 'update']],
    ['certificates.k8s.io', 'signers', false, ['approve', 'attest', 'sign']],
    ['admissionregistration.k8s.io', 'validatingwebhookconfigurations', false, STANDARD],
    ['admissionregistration.k8s.io', 'mutatingadmissionpolicies', false, STANDARD],
    ['authentication.k8s.io', 'tokenreviews', false, ['create']],
    ['authorization.k8s.io', 'localsubjectaccessreviews', true, ['create']],
    ['resource.k8s.io', 'resourceclaims', true, STANDARD],
    ['storage.k8s.io', 'volumeattributesclasses', false, STANDARD],
    ['networking.k8s.io', 'servicecidrs', false, STANDARD],
  ] as const)('%s %s: namespaced %s, verbs %j', (group, name, namespaced, verbs) => {
    const r = apiResource(group, name);
    expect(r).toBeDefined();
    expect(r!.namespaced).toBe(namespaced);
    expect([...r!.verbs].sort()).toEqual([...verbs].sort());
  });

  it('does not know resources removed before 1.34', () => {
    expect(apiResource('policy', 'podsecuritypolicies')).toBeUndefined();
    expect(apiResource('resource.k8s.io', 'podschedulingcontexts')).toBeUndefined();
    expect(apiResource('', 'deployments')).toBeUndefined();
  });

  it('accepts any user extra field', () => {
    expect(apiResource('authentication.k8s.io', 'userextras/scopes')?.verbs).toEqual(['impersonate']);
    expect(apiResource('authentication.k8s.io', 'userextras/a/b')).toBeUndefined();
  });
});

describe('RBAC matching', () => {
  it('expands "*" and "*/sub", never "pods/*"', () => {
    expect(resourceCovers('*', 'pods/exec')).toBe(true);
    expect(resourceCovers('*/scale', 'deployments/scale')).toBe(true);
    expect(resourceCovers('*/scale', 'deployments')).toBe(false);
    expect(resourceCovers('pods/*', 'pods/exec')).toBe(false);
    expect(resourceCovers('pods', 'pods/exec')).toBe(false);
    expect(resourcesMatching('apps', '*/scale').map((r) => r.name)).toEqual([
      'deployments/scale',
      'replicasets/scale',
      'statefulsets/scale',
    ]);
  });

  it('knows what a namespaced Role can grant', () => {
    expect(roleCanGrant('', 'secrets', 'get')).toBe(true);
    expect(roleCanGrant('', 'nodes', 'get')).toBe(false);
    expect(roleCanGrant('', 'namespaces', 'patch')).toBe(true); // its own namespace, by name
    expect(roleCanGrant('', 'namespaces', 'list')).toBe(false);
    expect(roleCanGrant('', 'namespaces', 'create')).toBe(false);
    expect(roleCanGrant('rbac.authorization.k8s.io', 'clusterroles', 'bind')).toBe(true);
    expect(roleCanGrant('rbac.authorization.k8s.io', 'clusterroles', 'escalate')).toBe(false);
    expect(roleCanGrant('example.com', 'widgets', 'get')).toBe(true);
  });

  it('lets a wildcard reach only what a Role can grant, a named resource always', () => {
    const star = { apiGroup: '*', resource: '*', verb: '*' };
    expect(reaches(star, '', 'secrets', 'list')).toBe(true);
    expect(reaches(star, '', 'nodes/proxy', 'get')).toBe(false);
    expect(reaches({ apiGroup: '', resource: 'nodes/proxy', verb: 'get' }, '', 'nodes/proxy', 'get')).toBe(true);
    expect(reaches({ apiGroup: 'apps', resource: 'secrets', verb: 'get' }, '', 'secrets', 'get')).toBe(false);
  });
});
