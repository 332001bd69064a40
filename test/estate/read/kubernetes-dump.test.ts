// The Kubernetes reader on a recorded dump of a realistic cluster (kube-system accounts, app
// namespaces, aggregated ClusterRoles, bindings to accounts, groups and users, a cluster-admin
// binding, bindings to missing roles): the exact result per service account, the same result from
// every shape kubectl can print the dump in, and the refusals.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseKubectlDump } from '../../../src/features/estate/read/kubernetes-dump.js';
import { canonicalRules, type KubernetesRule } from '../../../src/features/estate/read/kubernetes-names.js';
import type { Estate, EstateIdentity } from '../../../src/features/estate/types.js';
import { acme } from '../../compile/aws-fixture.js';
import { ACME_DUMP_TEXT, acmeDump, DUMPS, list, type KubeObject } from './kubectl-fixture.js';

const CTX = { org: null, now: Date.parse('2026-12-01T00:00:00Z'), cluster: 'prod-eu' };

function read(text: string, cluster = 'prod-eu'): Estate {
  const r = parseKubectlDump(text, { ...CTX, cluster });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const estate = read(ACME_DUMP_TEXT);
const byId = (e: Estate, id: string): EstateIdentity => {
  const found = e.identities.find((i) => i.id === `k8s:prod-eu/${id}`);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const rulesOf = (i: EstateIdentity): KubernetesRule[] => i.access.kubernetes?.rules ?? [];
const rolesNamed = (name: string): KubeObject[] => acmeDump().items.filter((o) => o.metadata.name === name);
const rulesOfRole = (name: string): KubernetesRule[] =>
  rolesNamed(name).flatMap((o) => (o['rules'] as KubernetesRule[] | undefined) ?? []);

// Every account of the cluster covered by the group binding serviceaccounts-list-namespaces.
const SHARED_LIST = 'ClusterRoleBinding serviceaccounts-list-namespaces → ClusterRole namespace-lister';
const SHARED = 'shared: the binding grants to a group (system:serviceaccounts) of service accounts';

describe('parseKubectlDump on the acme prod-eu dump', () => {
  it('reads one identity per service account, sorted by id, with the cluster as scope and org addition', () => {
    expect(estate.target).toBe('kubernetes');
    expect(estate.scope).toBe('prod-eu');
    expect(estate.keys).toEqual([]);
    expect(estate.org).toEqual({ kubernetes: { 'prod-eu': {} } });
    expect(estate.identities.map((i) => i.id)).toEqual(
      [
        'ci/default',
        'ci/deployer',
        'ci/runner',
        'data/default',
        'data/etl-runner',
        'data/report.exporter',
        'default/default',
        'kube-node-lease/default',
        'kube-public/default',
        'kube-system/coredns',
        'kube-system/default',
        'kube-system/kube-proxy',
        'kube-system/replicaset-controller',
        'monitoring/default',
        'monitoring/prometheus',
        'payments/default',
        'payments/ledger-writer',
        'payments/legacy-batch',
        'payments/settlement-reader',
      ].map((id) => `k8s:prod-eu/${id}`),
    );
  });

  it('warns about bindings to missing roles and bindings naming accounts that do not exist', () => {
    expect(estate.warnings).toEqual([
      'ClusterRoleBinding dashboard-legacy → ClusterRole kubernetes-dashboard-legacy names service account ' +
        'kube-system/kubernetes-dashboard, which is not in the dump: whoever creates it gets the access',
      'ClusterRoleBinding dashboard-legacy → ClusterRole kubernetes-dashboard-legacy: the role does not exist, ' +
        'so the binding grants nothing until one is made',
      'RoleBinding data/retired-job → ClusterRole config-reader names service account data/retired-job, which ' +
        'is not in the dump: whoever creates it gets the access',
      'RoleBinding payments/legacy-batch-old → Role payments/batch-jobs-v1: the role does not exist, so the ' +
        'binding grants nothing until one is made',
    ]);
  });

  const SKIPPED: [string, string][] = [
    ['ci/default', 'the namespace default service account, which no binding names'],
    ['default/default', 'the namespace default service account, which no binding names'],
    ['kube-node-lease/default', 'a service account of the cluster itself (namespace kube-node-lease)'],
    ['kube-public/default', 'a service account of the cluster itself (namespace kube-public)'],
    ['kube-system/coredns', 'a service account of the cluster itself (namespace kube-system)'],
    ['kube-system/default', 'a service account of the cluster itself (namespace kube-system)'],
    ['kube-system/kube-proxy', 'a service account of the cluster itself (namespace kube-system)'],
    ['kube-system/replicaset-controller', 'a service account of the cluster itself (namespace kube-system)'],
    ['monitoring/default', 'the namespace default service account, which no binding names'],
    ['payments/default', 'the namespace default service account, which no binding names'],
  ];
  it.each(SKIPPED)('skips %s: %s', (id, reason) => {
    expect(byId(estate, id).skip).toBe(reason);
  });

  it('keeps every other account (data/default is named by a binding, so it is not skipped)', () => {
    const kept = estate.identities.filter((i) => i.skip === undefined).map((i) => i.id.slice('k8s:prod-eu/'.length));
    expect(kept).toEqual([
      'ci/deployer',
      'ci/runner',
      'data/default',
      'data/etl-runner',
      'data/report.exporter',
      'monitoring/prometheus',
      'payments/ledger-writer',
      'payments/legacy-batch',
      'payments/settlement-reader',
    ]);
  });

  /** Per account: the exact rules, and each not-expressible entry as [source, start of the reason]. */
  const EXPECTED: {
    id: string;
    /** Rules it holds, besides all the rules of the roles named in fromRoles (read from the dump's parts). */
    rules: KubernetesRule[];
    fromRoles?: string[];
    notExpressible: [string, string][];
  }[] = [
    {
      id: 'ci/deployer',
      rules: [],
      notExpressible: [
        ['ClusterRoleBinding ci-deployer-cluster-admin → ClusterRole cluster-admin', 'cluster-wide: the rules apply'],
        [SHARED_LIST, SHARED],
        [
          'RoleBinding ci/serviceaccounts-view → ClusterRole view',
          'shared: the binding grants to a group (system:serviceaccounts:ci)',
        ],
      ],
    },
    {
      id: 'ci/runner',
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
      notExpressible: [
        [SHARED_LIST, SHARED],
        ['RoleBinding ci/runner → Role ci/runner', '"Runner_Config" is not a value a manifest rule accepts'],
        [
          'RoleBinding ci/serviceaccounts-view → ClusterRole view',
          'shared: the binding grants to a group (system:serviceaccounts:ci)',
        ],
      ],
    },
    {
      id: 'data/default',
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
      notExpressible: [[SHARED_LIST, SHARED]],
    },
    {
      // view (aggregated from system:aggregate-to-view) and the resource rule of metrics-endpoint-reader.
      id: 'data/etl-runner',
      rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods'], verbs: ['get', 'list'] }],
      fromRoles: ['system:aggregate-to-view'],
      notExpressible: [
        [SHARED_LIST, SHARED],
        [
          'RoleBinding data/etl-runner-metrics → ClusterRole metrics-endpoint-reader',
          'non-resource URLs (such as /metrics',
        ],
      ],
    },
    {
      // monitoring-view selects monitoring-pods and monitoring-metrics (matchExpressions In), not
      // monitoring-secrets.
      id: 'data/report.exporter',
      rules: [
        { apiGroups: [''], resources: ['endpoints', 'pods', 'services'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['metrics.k8s.io'], resources: ['nodes', 'pods'], verbs: ['get', 'list'] },
      ],
      notExpressible: [[SHARED_LIST, SHARED]],
    },
    {
      id: 'monitoring/prometheus',
      rules: [],
      notExpressible: [
        ['ClusterRoleBinding prometheus → ClusterRole prometheus', 'cluster-wide: the rules apply'],
        [SHARED_LIST, SHARED],
      ],
    },
    {
      id: 'payments/legacy-batch',
      rules: [],
      notExpressible: [
        [SHARED_LIST, SHARED],
        [
          'RoleBinding data/legacy-batch-reads-data → ClusterRole config-reader',
          'the binding grants rules in namespace data',
        ],
        ['RoleBinding payments/legacy-batch → Role payments/batch-jobs', 'the binding names the account as the user'],
        [
          'RoleBinding payments/legacy-batch-old → Role payments/batch-jobs-v1',
          'the binding refers to a role that does not exist',
        ],
      ],
    },
    {
      // edit = system:aggregate-to-edit + view (labelled aggregate-to-edit), view = system:aggregate-to-view;
      // and Role ledger.
      id: 'payments/ledger-writer',
      rules: [],
      fromRoles: ['system:aggregate-to-edit', 'system:aggregate-to-view', 'ledger'],
      notExpressible: [[SHARED_LIST, SHARED]],
    },
    {
      id: 'payments/settlement-reader',
      rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settlement-config'], verbs: ['get'] }],
      notExpressible: [[SHARED_LIST, SHARED]],
    },
  ];

  it.each(EXPECTED)('$id: exact rules and what a manifest cannot say', ({ id, rules, fromRoles, notExpressible }) => {
    const identity = byId(estate, id);
    const [namespace, name] = id.split('/') as [string, string];
    const expected = canonicalRules([...rules, ...(fromRoles ?? []).flatMap(rulesOfRole)]);
    expect(identity.access).toEqual({
      kubernetes: {
        cluster: 'prod-eu',
        namespace,
        serviceAccount: name,
        ...(expected.length > 0 ? { rules: expected } : {}),
      },
    });
    expect(
      identity.notExpressible.map((n) => [n.source, n.reason.slice(0, notExpressibleStart(n.reason, notExpressible))]),
    ).toEqual(notExpressible);
  });

  it('ledger-writer: the duplicate rule of Role ledger and the rules shared by edit and view count once', () => {
    const rules = rulesOf(byId(estate, 'payments/ledger-writer'));
    expect(rules).toHaveLength(22);
    expect(new Set(rules.map((r) => JSON.stringify(r))).size).toBe(22);
    expect(rules).toContainEqual({
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['ledger-config'],
      verbs: ['get'],
    });
  });

  it('says where each rule came from', () => {
    expect(byId(estate, 'data/report.exporter').origins).toEqual([
      { path: ['kubernetes', 'rules', 0], from: 'RoleBinding data/report-exporter → ClusterRole monitoring-view' },
      { path: ['kubernetes', 'rules', 1], from: 'RoleBinding data/report-exporter → ClusterRole monitoring-view' },
    ]);
    const ledger = byId(estate, 'payments/ledger-writer');
    const configRule = rulesOf(ledger).findIndex((r) => r.resourceNames?.[0] === 'ledger-config');
    expect(ledger.origins[configRule]).toEqual({
      path: ['kubernetes', 'rules', configRule],
      from: 'RoleBinding payments/ledger-writer → Role payments/ledger',
    });
  });

  it('reports a cluster-wide binding with the exact binding and the rules of its role', () => {
    const entry = byId(estate, 'ci/deployer').notExpressible[0]!;
    expect(JSON.parse(entry.statement)).toEqual({
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ci-deployer-cluster-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }],
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { nonResourceURLs: ['*'], verbs: ['*'] },
      ],
    });
  });

  it('reports an unexpressible rule by its exact text', () => {
    const metrics = byId(estate, 'data/etl-runner').notExpressible[1]!;
    expect(metrics.statement).toBe('{"nonResourceURLs":["/metrics"],"verbs":["get"]}');
  });

  it('leaves the built-in bindings to every authenticated client (system:discovery…) out of every account', () => {
    const sources = estate.identities.flatMap((i) => i.notExpressible.map((n) => n.source));
    expect(
      sources.filter((s) => /system:(discovery|basic-user|public-info-viewer|service-account-issuer)/.test(s)),
    ).toEqual([]);
  });

  it('labels are the labels, then the annotations, without kubectl last-applied-configuration', () => {
    expect(byId(estate, 'data/etl-runner').labels).toEqual({
      'idac.dev/type': 'workload',
      owner: 'dana@acme.example',
      team: 'data',
    });
    expect(byId(estate, 'payments/ledger-writer').labels).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/ledger-writer',
      owner: 'bob@acme.example',
      team: 'payments',
    });
    expect(byId(estate, 'payments/ledger-writer').created).toBe('2026-03-09T13:21:40Z');
  });

  it('reads the idac-made settlement-reader back as the access of its acme manifest', () => {
    const manifest = acme('payments/settlement-reader.yaml').spec.access.kubernetes!;
    expect(byId(estate, 'payments/settlement-reader').access.kubernetes).toEqual({
      ...manifest,
      rules: canonicalRules(manifest.rules ?? []),
    });
  });
});

/** How much of a reason the table gives (its expected prefix), so each row states only the part that matters. */
function notExpressibleStart(reason: string, rows: [string, string][]): number {
  return rows.find(([, prefix]) => reason.startsWith(prefix))?.[1].length ?? reason.length;
}

describe('parseKubectlDump reads every shape of the same dump alike', () => {
  const items = acmeDump().items;
  const AGGREGATED = ['admin', 'edit', 'monitoring-view', 'view'];

  it('aggregated ClusterRoles dumped before the controller filled them in (no rules) resolve to the same', () => {
    const bare = items.map((o) =>
      AGGREGATED.includes(o.metadata.name) && o.kind === 'ClusterRole' ? { ...o, rules: [] } : o,
    );
    expect(read(list(bare))).toEqual(estate);
    const absent = items.map((o) => {
      if (!(AGGREGATED.includes(o.metadata.name) && o.kind === 'ClusterRole')) return o;
      const { rules: _rules, ...rest } = o;
      return rest;
    });
    expect(read(list(absent))).toEqual(estate);
  });

  it('keeps a rule an aggregated role holds beyond its selection (it grants until the controller runs)', () => {
    const extra = { apiGroups: [''], resources: ['secrets'], verbs: ['list'] };
    const stale = items.map((o) =>
      o.kind === 'ClusterRole' && o.metadata.name === 'monitoring-view'
        ? { ...o, rules: [...(o['rules'] as object[]), extra] }
        : o,
    );
    expect(rulesOf(byId(read(list(stale)), 'data/report.exporter'))).toContainEqual(extra);
  });

  it('several documents one after the other (a List per kind, overlapping per namespace) read as one', () => {
    const kinds = ['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];
    const perKind = kinds.map((k) => list(items.filter((o) => o.kind === k))).join('\n');
    expect(read(perKind)).toEqual(estate);
    const payments = items.filter((o) => o.metadata.namespace === 'payments');
    expect(read(`${perKind}\n${list(payments)}`)).toEqual(estate);
    // Bare objects, as `kubectl get sa x -o json` prints one.
    expect(read(items.map((o) => JSON.stringify(o)).join(''))).toEqual(estate);
  });

  it('kubectl -o yaml reads the same as -o json', () => {
    expect(read(stringify(acmeDump()))).toEqual(estate);
    expect(read(kindsAsYamlDocuments(items))).toEqual(estate);
  });

  it('the order of the items does not matter', () => {
    expect(read(list([...items].reverse()))).toEqual(estate);
  });
});

describe('the same cluster a week later (acme-prod-eu-later.json)', () => {
  // The dump drift sees after a console edit of idac's Role, a new account nobody declared, a deleted
  // account whose bindings stayed behind and a cluster-wide binding added by hand.
  const later = read(readFileSync(`${DUMPS}acme-prod-eu-later.json`, 'utf8'));
  const ids = (e: Estate): string[] => e.identities.map((i) => i.id);

  it("has the new account and not the deleted one; the deleted one's bindings become warnings", () => {
    expect(ids(later).filter((id) => !ids(estate).includes(id))).toEqual(['k8s:prod-eu/payments/batch-export']);
    expect(ids(estate).filter((id) => !ids(later).includes(id))).toEqual(['k8s:prod-eu/data/etl-runner']);
    expect(later.warnings.filter((w) => !estate.warnings.includes(w))).toEqual([
      'RoleBinding data/etl-runner-metrics → ClusterRole metrics-endpoint-reader names service account ' +
        'data/etl-runner, which is not in the dump: whoever creates it gets the access',
      'RoleBinding data/etl-runner-view → ClusterRole view names service account data/etl-runner, which is not ' +
        'in the dump: whoever creates it gets the access',
    ]);
    expect(byId(later, 'payments/batch-export')).toMatchObject({
      access: {
        kubernetes: {
          namespace: 'payments',
          serviceAccount: 'batch-export',
          rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
        },
      },
      labels: { team: 'payments' },
      created: '2026-11-28T16:05:12Z',
    });
    expect(byId(later, 'payments/batch-export').skip).toBeUndefined();
  });

  it('reads the console edit of the idac-made Role as the rules the account now holds', () => {
    expect(rulesOf(byId(later, 'payments/settlement-reader'))).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['settlement-config'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
    ]);
  });

  it('reports the new cluster-wide binding on ledger-writer; its namespaced rules are unchanged', () => {
    const before = byId(estate, 'payments/ledger-writer');
    const after = byId(later, 'payments/ledger-writer');
    expect(after.access).toEqual(before.access);
    expect(after.notExpressible.filter((n) => !before.notExpressible.some((b) => b.source === n.source))).toEqual([
      {
        source: 'ClusterRoleBinding ledger-writer-view-all → ClusterRole view',
        statement: expect.stringContaining(
          '"subjects":[{"kind":"ServiceAccount","name":"ledger-writer","namespace":"payments"}]',
        ) as string,
        reason: expect.stringMatching(/^cluster-wide: /) as string,
      },
    ]);
  });

  it('every other account reads exactly as before', () => {
    const changed = ['payments/batch-export', 'payments/ledger-writer', 'payments/settlement-reader'].map(
      (id) => `k8s:prod-eu/${id}`,
    );
    const same = later.identities.filter((i) => !changed.includes(i.id));
    expect(same).toEqual(estate.identities.filter((i) => same.some((s) => s.id === i.id)));
    expect(same).toHaveLength(estate.identities.length - 3);
  });
});

function kindsAsYamlDocuments(items: readonly KubeObject[]): string {
  return items.map((o) => stringify(o)).join('---\n');
}

describe('parseKubectlDump refuses what it cannot read, and says why', () => {
  it.each([
    ['', 'the kubectl dump is empty'],
    ['   \n', 'the kubectl dump is empty'],
    [
      '{"kind": "List", "items": [',
      'the kubectl dump is not valid JSON: document 1 (from character 0) is cut short or malformed',
    ],
    [
      '{"kind":"List","items":[]} trailing',
      'the kubectl dump is not valid JSON: document 2 (from character 27) is cut short or malformed',
    ],
    ['kind: List\nitems: [\n', 'the kubectl dump is neither JSON nor YAML'],
  ])('%j', (text, message) => {
    const r = parseKubectlDump(text, CTX);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.summary.startsWith(message)).toBe(true);
  });

  it('a cluster name that is not a Kubernetes name is a bad --cluster', () => {
    const r = parseKubectlDump(list([]), { ...CTX, cluster: 'Prod_EU' });
    expect(r).toEqual({
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          summary: '"Prod_EU" is not a cluster name: use the name org.yaml targets.kubernetes gives the cluster',
          subject: '--cluster',
        },
      ],
    });
  });

  it('malformed objects are left out with a warning; other kinds are counted', () => {
    const e = read(
      list([
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'no-namespace' } },
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { namespace: 'x' } } as unknown as KubeObject,
        { apiVersion: 'v1', kind: 'Role', metadata: { name: 'r', namespace: 'x' }, rules: [{ verbs: 'get' }] },
        { apiVersion: 'v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'x' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'x' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd', namespace: 'x' } },
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ok', namespace: 'x' } },
      ]),
    );
    expect(e.identities.map((i) => i.id)).toEqual(['k8s:prod-eu/x/ok']);
    expect(e.warnings).toEqual([
      '2 object(s) of kind ConfigMap left out: the reader uses service accounts, roles and bindings',
      'Role x/r left out: its rules are not RBAC PolicyRules',
      'RoleBinding x/b left out: it has no roleRef',
      'a ServiceAccount left out: it has no metadata.name',
      'a ServiceAccount left out: no-namespace has no namespace',
    ]);
  });
});
