// RBAC in manifest terms, rule by rule: which PolicyRules a manifest can say (split where a list is
// longer than the manifest allows, never widened), label selectors as the aggregation controller reads
// them, aggregation chains and cycles, and the cloud ids of service accounts.

import { describe, expect, it } from 'vitest';
import type { PolicyRule, RoleObject } from '../../../src/features/estate/read/kubectl-objects.js';
import { manifestRules, roleLookup, selects } from '../../../src/features/estate/read/kubernetes-rbac.js';
import { kubernetesId, kubernetesIdOf, parseKubernetesId } from '../../../src/features/estate/read/kubernetes-names.js';
import { parseKubectlDump } from '../../../src/features/estate/read/kubernetes-dump.js';
import { role } from '../../compile/aws-fixture.js';
import { list, type KubeObject } from './kubectl-fixture.js';

describe('manifestRules', () => {
  const RULES: [string, PolicyRule, ReturnType<typeof manifestRules>][] = [
    [
      'a plain rule, as it is',
      { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['get', 'patch'] },
      { rules: [{ apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['get', 'patch'] }] },
    ],
    [
      'resourceNames: [] restricts nothing and is left out',
      { apiGroups: [''], resources: ['secrets'], resourceNames: [], verbs: ['get'] },
      { rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] },
    ],
    [
      'resource names kept',
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['db.creds', 'api'], verbs: ['get'] },
      { rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['db.creds', 'api'], verbs: ['get'] }] },
    ],
    [
      'repeated values once',
      { apiGroups: ['', ''], resources: ['pods', 'pods'], verbs: ['get', 'get'] },
      { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    ],
    [
      'non-resource URLs refuse the rule',
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      { reason: expect.stringMatching(/^non-resource URLs .* are cluster-wide/) as unknown as string },
    ],
    [
      'no verbs grants nothing',
      { apiGroups: [''], resources: ['pods'], verbs: [] },
      { reason: 'the rule grants nothing (it names no verb); remove it from the role' },
    ],
    [
      'no API group and no resource grants nothing',
      { verbs: ['get'] },
      { reason: 'the rule grants nothing (it names no API group, resource); remove it from the role' },
    ],
    [
      'a resource name the manifest cannot hold refuses the whole rule (dropping it would widen)',
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['Upper'], verbs: ['get'] },
      { reason: '"Upper" is not a value a manifest rule accepts (lower-case names, "*" or resource/subresource)' },
    ],
    [
      'an upper-case verb (which RBAC never matches) refuses the rule',
      { apiGroups: [''], resources: ['pods'], verbs: ['GET'] },
      { reason: '"GET" is not a value a manifest rule accepts (lower-case names, "*" or resource/subresource)' },
    ],
    [
      'a resource with two slashes refuses the rule',
      { apiGroups: [''], resources: ['pods/log/x'], verbs: ['get'] },
      { reason: '"pods/log/x" is not a value a manifest rule accepts (lower-case names, "*" or resource/subresource)' },
    ],
  ];
  it.each(RULES)('%s', (_name, rule, expected) => {
    expect(manifestRules(rule)).toEqual(expected);
  });

  it('splits lists longer than the manifest allows into rules that grant the same together', () => {
    const resources = Array.from({ length: 130 }, (_, i) => `r${i}`);
    const verbs = Array.from({ length: 21 }, (_, i) => 'v'.repeat(i + 1));
    const out = manifestRules({ apiGroups: [''], resources, verbs });
    if (!('rules' in out)) throw new Error('refused');
    expect(out.rules.map((r) => [r.resources.length, r.verbs.length])).toEqual([
      [100, 20],
      [100, 1],
      [30, 20],
      [30, 1],
    ]);
    const granted = new Set(out.rules.flatMap((r) => r.resources.flatMap((res) => r.verbs.map((v) => `${res} ${v}`))));
    expect(granted.size).toBe(130 * 21);
  });
});

describe('selects', () => {
  const labels = { tier: 'metrics', 'rbac.acme.example/aggregate': 'true' };
  it.each([
    [{}, true],
    [{ matchLabels: { tier: 'metrics' } }, true],
    [{ matchLabels: { tier: 'metrics', other: 'x' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['metrics', 'logs'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['metrics'] }] }, false],
    [{ matchExpressions: [{ key: 'absent', operator: 'NotIn', values: ['x'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }] }, false],
    [{ matchLabels: { tier: 'metrics' }, matchExpressions: [{ key: 'absent', operator: 'Exists' }] }, false],
  ])('%j → %s', (selector, expected) => {
    expect(selects(selector, labels)).toBe(expected);
  });
});

const clusterRole = (
  name: string,
  rules: PolicyRule[],
  labels: Record<string, string>,
  aggregateFrom?: string,
): RoleObject => ({
  kind: 'ClusterRole',
  metadata: { name, labels, annotations: {} },
  rules,
  ...(aggregateFrom ? { aggregation: [{ matchLabels: { [aggregateFrom]: 'true' } }] } : {}),
});
const bindingTo = (name: string) => ({
  kind: 'RoleBinding' as const,
  metadata: { name: 'b', namespace: 'ns', labels: {}, annotations: {} },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
  subjects: [],
});

describe('roleLookup', () => {
  const pods = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };
  const jobs = { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get'] };
  it('resolves chains (a aggregates b, which aggregates c) and survives cycles (c aggregates b too)', () => {
    const lookup = roleLookup([
      clusterRole('a', [], { 'to-a': 'false' }, 'to-a'),
      clusterRole('b', [pods], { 'to-a': 'true', 'to-b': 'true', 'to-c': 'true' }, 'to-b'),
      clusterRole('c', [jobs], { 'to-b': 'true', 'to-c': 'true' }, 'to-c'),
    ]);
    expect(lookup(bindingTo('a'))?.rules).toEqual([pods, jobs]);
    expect(lookup(bindingTo('b'))?.rules).toEqual([pods, jobs]);
    expect(lookup(bindingTo('c'))?.rules).toEqual([jobs, pods]);
    expect(lookup(bindingTo('missing'))).toBeUndefined();
  });

  it('a RoleBinding finds a Role only in its own namespace', () => {
    const lookup = roleLookup([
      { kind: 'Role', metadata: { name: 'r', namespace: 'other', labels: {}, annotations: {} }, rules: [pods] },
    ]);
    const binding = { ...bindingTo('r'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' } };
    expect(lookup(binding)).toBeUndefined();
    expect(lookup({ ...binding, metadata: { ...binding.metadata, namespace: 'other' } })).toEqual({
      kind: 'Role',
      name: 'r',
      namespace: 'other',
      rules: [pods],
    });
  });
});

describe('subjects', () => {
  const sa = (namespace: string, name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace },
  });
  const cr: KubeObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'reader' },
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
  };
  const rb = (namespace: string, subjects: object[]): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'rb', namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
    subjects,
  });
  const read = (items: KubeObject[]) => {
    const r = parseKubectlDump(list(items), { org: null, now: 0, cluster: 'c1' });
    if (!r.ok) throw new Error('failed');
    return r.value.identities.map((i) => [
      i.id,
      i.access.kubernetes?.rules?.length ?? 0,
      i.notExpressible.map((n) => n.reason.split(':')[0]),
    ]);
  };

  it('a ServiceAccount subject without a namespace is the binding namespace one', () => {
    expect(read([sa('ns', 'a'), cr, rb('ns', [{ kind: 'ServiceAccount', name: 'a' }])])).toEqual([
      ['k8s:c1/ns/a', 1, []],
    ]);
  });

  it('system:serviceaccounts:<ns> covers that namespace only; other groups and users cover no account', () => {
    expect(
      read([
        sa('ns', 'a'),
        sa('other', 'b'),
        cr,
        rb('ns', [
          { kind: 'Group', name: 'system:serviceaccounts:ns' },
          { kind: 'Group', name: 'developers' },
          { kind: 'User', name: 'alice@acme.example' },
        ]),
      ]),
    ).toEqual([
      ['k8s:c1/ns/a', 0, ['shared']],
      ['k8s:c1/other/b', 0, []],
    ]);
  });

  it('system:authenticated covers every account of the cluster', () => {
    expect(
      read([sa('ns', 'a'), sa('other', 'b'), cr, rb('ns', [{ kind: 'Group', name: 'system:authenticated' }])]),
    ).toEqual([
      ['k8s:c1/ns/a', 0, ['shared']],
      ['k8s:c1/other/b', 0, ['shared']],
    ]);
  });
});

describe('service account ids', () => {
  it('k8s:<cluster>/<namespace>/<name>, both ways', () => {
    expect(kubernetesId('prod-eu', 'payments', 'report.exporter')).toBe('k8s:prod-eu/payments/report.exporter');
    expect(parseKubernetesId('k8s:prod-eu/payments/report.exporter')).toEqual({
      cluster: 'prod-eu',
      namespace: 'payments',
      serviceAccount: 'report.exporter',
    });
    expect(parseKubernetesId('arn:aws:iam::123456789012:role/x')).toBeNull();
    expect(parseKubernetesId('k8s:prod-eu/payments')).toBeNull();
  });

  it('a manifest: its service account, defaulting to metadata.name; none without Kubernetes access', () => {
    const data = role({}, 'app');
    expect(kubernetesIdOf(data)).toBeNull();
    data.spec.access.kubernetes = { cluster: 'prod-eu', namespace: 'payments' };
    expect(kubernetesIdOf(data)).toBe('k8s:prod-eu/payments/app');
    data.spec.access.kubernetes.serviceAccount = 'other';
    expect(kubernetesIdOf(data)).toBe('k8s:prod-eu/payments/other');
  });
});
