// Kubernetes compile: the ServiceAccount, Role and RoleBinding an identity becomes, exactly, on the
// acme examples and on variations of one small identity; lifecycle, elevations, renames and the
// validity of every physical name.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileKubernetes, rbacName, serviceAccountName } from '../../src/compile/kubernetes.js';
import type { DesiredResource } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { ACME_FILES, acme, at, role } from './aws-fixture.js';
import { elevationKeyOf as key } from './aws-fixture.js';

const NOW = '2026-11-23T12:00:00Z';
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

const labels = (identity: string, team: string) => ({
  'app.kubernetes.io/managed-by': 'idac',
  'idac.dev/identity': identity,
  'idac.dev/team': team,
});

/** The small identity of the fixture with Kubernetes access in prod-eu/payments as service account `app`. */
function app(
  patch: Partial<MachineIdentity['spec']> = {},
  k8s: Partial<NonNullable<MachineIdentity['spec']['access']['kubernetes']>> = {},
  name = 'app',
): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: {
      ...base.spec,
      access: {
        ...base.spec.access,
        kubernetes: {
          cluster: 'prod-eu',
          namespace: 'payments',
          serviceAccount: 'app',
          rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'], verbs: ['get'] }],
          ...k8s,
        },
      },
      ...patch,
    },
  };
}

function elevation(
  from: string,
  until: string,
  reason: string,
  rules = [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }],
) {
  return { reason, approvedBy: 'dave@acme.example', from, until, access: { kubernetes: { rules } } };
}

describe('compileKubernetes on the acme examples', () => {
  it('settlement-reader: service account annotated with its IRSA role, the declared Role and its binding', () => {
    expect(compileKubernetes(acme('payments/settlement-reader.yaml'), at(NOW))).toEqual<DesiredResource[]>([
      {
        type: 'kubernetes:rbac.authorization.k8s.io/v1:Role',
        name: 'settlement-reader.k8s.role',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'kubernetes:prod-eu',
        inputs: {
          metadata: {
            name: 'idac-settlement-reader',
            namespace: 'payments',
            labels: labels('settlement-reader', 'payments'),
            annotations: { 'idac.dev/owner': 'alice@acme.example' },
          },
          rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settlement-config'], verbs: ['get'] }],
        },
      },
      {
        type: 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding',
        name: 'settlement-reader.k8s.role-binding',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'kubernetes:prod-eu',
        inputs: {
          metadata: {
            name: 'idac-settlement-reader',
            namespace: 'payments',
            labels: labels('settlement-reader', 'payments'),
            annotations: { 'idac.dev/owner': 'alice@acme.example' },
          },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'idac-settlement-reader' },
          subjects: [{ kind: 'ServiceAccount', name: 'settlement-reader', namespace: 'payments' }],
        },
        dependsOn: ['settlement-reader.k8s.role', 'settlement-reader.k8s.service-account'],
      },
      {
        type: 'kubernetes:core/v1:ServiceAccount',
        name: 'settlement-reader.k8s.service-account',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'kubernetes:prod-eu',
        inputs: {
          metadata: {
            name: 'settlement-reader',
            namespace: 'payments',
            labels: labels('settlement-reader', 'payments'),
            annotations: {
              'idac.dev/owner': 'alice@acme.example',
              'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/idac/payments/settlement-reader',
            },
          },
          automountServiceAccountToken: false,
        },
      },
    ]);
  });

  it('ci-deployer: the service account defaults to the identity name; GitHub trust adds no IRSA annotation', () => {
    const out = compileKubernetes(acme('platform/ci-deployer.yaml'), at(NOW));
    expect(out.map((r) => r.name)).toEqual([
      'ci-deployer.k8s.role',
      'ci-deployer.k8s.role-binding',
      'ci-deployer.k8s.service-account',
    ]);
    expect(out[2]!.inputs).toEqual({
      metadata: {
        name: 'ci-deployer',
        namespace: 'releases',
        labels: labels('ci-deployer', 'platform'),
        annotations: { 'idac.dev/owner': 'erin@acme.example' },
      },
      automountServiceAccountToken: false,
    });
    expect(out[1]!.inputs.subjects).toEqual([{ kind: 'ServiceAccount', name: 'ci-deployer', namespace: 'releases' }]);
  });

  it('release-bot: rules exactly as declared, without resourceNames where none are declared', () => {
    const [roleResource] = compileKubernetes(acme('platform/release-bot.yaml'), at(NOW));
    expect(roleResource!.inputs.rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create'] },
    ]);
    expect(Object.keys((roleResource!.inputs.rules as object[])[0]!)).toEqual(['apiGroups', 'resources', 'verbs']);
  });

  it.each([
    ['data/legacy-etl.yaml', []],
    ['data/report-exporter.yaml', []],
    ['payments/ledger-writer.yaml', []],
    ['payments/nightly-recon.yaml', []],
    ['platform/edge-gateway.yaml', []],
    ['data/support-assistant.yaml', ['support-assistant.k8s.service-account']],
  ])('%s compiles to %j', (file, names) => {
    expect(compileKubernetes(acme(file), at(NOW)).map((r) => r.name)).toEqual(names);
  });

  it('every physical name is a valid DNS-1123 name and every resource names its identity and team', () => {
    for (const file of ACME_FILES) {
      const data = acme(file);
      for (const r of compileKubernetes(data, at(NOW))) {
        const metadata = r.inputs.metadata as { name: string; namespace: string; labels: Record<string, string> };
        expect(metadata.name).toMatch(r.type.endsWith(':ServiceAccount') ? DNS_SUBDOMAIN : DNS_LABEL);
        expect(metadata.namespace).toMatch(DNS_LABEL);
        for (const value of Object.values(metadata.labels))
          expect(value).toMatch(/^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/);
        expect([r.identity, r.team]).toEqual([data.metadata.name, data.spec.stewardship.team]);
      }
    }
  });
});

describe('compileKubernetes lifecycle', () => {
  it('compiles nothing without spec.access.kubernetes', () => {
    expect(compileKubernetes(role(), at(NOW))).toEqual([]);
  });

  it('compiles nothing for a decommissioned identity', () => {
    expect(compileKubernetes(app({ status: 'decommissioned' }), at(NOW))).toEqual([]);
  });

  it('suspended keeps the service account and the Role but drops the binding', () => {
    const active = compileKubernetes(app(), at(NOW));
    const suspended = compileKubernetes(app({ status: 'suspended' }), at(NOW));
    expect(suspended.map((r) => r.name)).toEqual(['app.k8s.role', 'app.k8s.service-account']);
    expect(suspended).toEqual(active.filter((r) => !r.name.endsWith('role-binding')));
  });

  it('without rules only the service account exists', () => {
    for (const k8s of [{ rules: [] }, { rules: undefined }]) {
      expect(compileKubernetes(app({}, k8s), at(NOW)).map((r) => r.name)).toEqual(['app.k8s.service-account']);
    }
  });
});

describe('compileKubernetes IRSA annotation', () => {
  const annotations = (data: MachineIdentity) =>
    (
      compileKubernetes(data, at(NOW)).find((r) => r.name === 'app.k8s.service-account')!.inputs.metadata as {
        annotations: Record<string, string>;
      }
    ).annotations;
  const arn = 'arn:aws:iam::123456789012:role/idac/payments/app';
  const trusted = (
    trust: { cluster: string; namespace: string; serviceAccount: string },
    principal: 'role' | 'user' = 'role',
  ) => {
    const base = app();
    return {
      ...base,
      spec: {
        ...base.spec,
        access: { ...base.spec.access, aws: { ...base.spec.access.aws!, principal, trust: { kubernetes: trust } } },
      },
    };
  };

  it.each([
    [
      'the role trusts exactly this service account',
      trusted({ cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' }),
      arn,
    ],
    ['another cluster', trusted({ cluster: 'prod-us', namespace: 'payments', serviceAccount: 'app' }), undefined],
    ['another namespace', trusted({ cluster: 'prod-eu', namespace: 'ledger', serviceAccount: 'app' }), undefined],
    [
      'another service account',
      trusted({ cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'other' }),
      undefined,
    ],
    [
      'an IAM user (no trust)',
      trusted({ cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' }, 'user'),
      undefined,
    ],
  ])('%s', (_, data, expected) => {
    expect(annotations(data)['eks.amazonaws.com/role-arn']).toBe(expected);
    expect(annotations(data)['idac.dev/owner']).toBe('alice@acme.example');
  });

  it('matches the defaulted service account name', () => {
    expect(annotations(app({}, { serviceAccount: undefined }))['eks.amazonaws.com/role-arn']).toBe(arn);
    expect(serviceAccountName(app({}, { serviceAccount: undefined }))).toBe('app');
  });
});

describe('compileKubernetes elevations', () => {
  const open = elevation('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z', 'INC-4711 read pod logs');
  const later = elevation('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z', 'CHG-12 rollout');
  const k = key('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z', 'INC-4711 read pod logs');

  it('an active elevation adds its own Role and RoleBinding in the identity namespace', () => {
    const out = compileKubernetes(app({ elevations: [later, open] }), at(NOW));
    expect(out.map((r) => r.name)).toEqual([
      `app.k8s.${k}.role`,
      `app.k8s.${k}.role-binding`,
      'app.k8s.role',
      'app.k8s.role-binding',
      'app.k8s.service-account',
    ]);
    const [elevatedRole, elevatedBinding] = out;
    expect(elevatedRole!.inputs).toEqual({
      metadata: {
        name: `idac-app-${k}`,
        namespace: 'payments',
        labels: labels('app', 'payments'),
        annotations: { 'idac.dev/owner': 'alice@acme.example' },
      },
      rules: [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }],
    });
    expect(elevatedBinding!.inputs.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: `idac-app-${k}`,
    });
    expect(elevatedBinding!.inputs.subjects).toEqual([{ kind: 'ServiceAccount', name: 'app', namespace: 'payments' }]);
    expect(elevatedBinding!.dependsOn).toEqual([`app.k8s.${k}.role`, 'app.k8s.service-account']);
  });

  it.each([
    ['before the window', '2026-11-23T07:59:59Z'],
    ['at its end (until is exclusive)', '2026-11-23T16:00:00Z'],
  ])('adds nothing %s', (_, now) => {
    expect(compileKubernetes(app({ elevations: [open] }), at(now)).map((r) => r.name)).toEqual([
      'app.k8s.role',
      'app.k8s.role-binding',
      'app.k8s.service-account',
    ]);
  });

  it('adds nothing while suspended, even inside the window', () => {
    expect(compileKubernetes(app({ status: 'suspended', elevations: [open] }), at(NOW)).map((r) => r.name)).toEqual([
      'app.k8s.role',
      'app.k8s.service-account',
    ]);
  });

  it('an elevation without Kubernetes rules adds nothing here', () => {
    const awsOnly = {
      ...open,
      access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] }] } },
    };
    expect(compileKubernetes(app({ elevations: [awsOnly] }), at(NOW))).toEqual(compileKubernetes(app(), at(NOW)));
  });

  it('reordering elevations renames nothing', () => {
    expect(compileKubernetes(app({ elevations: [open, later] }), at(NOW))).toEqual(
      compileKubernetes(app({ elevations: [later, open] }), at(NOW)),
    );
  });

  it('long names are cut to 63 characters with a hash, stay DNS labels and stay distinct', () => {
    const long1 = 'a'.repeat(40) + '-reader-one';
    const long2 = 'a'.repeat(40) + '-reader-two';
    const names = [long1, long2].map((name) => {
      const out = compileKubernetes(app({ elevations: [open] }, {}, name), at(NOW));
      const r = out.find((x) => x.name === `${name}.k8s.${k}.role`)!;
      return (r.inputs.metadata as { name: string }).name;
    });
    for (const n of names) {
      expect(n).toHaveLength(63);
      expect(n).toMatch(DNS_LABEL);
      expect(n.startsWith(`idac-${'a'.repeat(40)}-reader-`)).toBe(true);
    }
    expect(names[0]).not.toBe(names[1]);
  });
});

describe('rbacName', () => {
  it.each([
    ['idac-app', 'idac-app'],
    ['x'.repeat(63), 'x'.repeat(63)],
    // 54 characters kept, then '-' and 8 hex characters of sha256 of the whole name.
    ['x'.repeat(64), `${'x'.repeat(54)}-${createHash('sha256').update('x'.repeat(64)).digest('hex').slice(0, 8)}`],
    // A cut that ends in '-' drops it, so the hash is never preceded by '--'.
    [
      `${'x'.repeat(53)}-${'y'.repeat(20)}`,
      `${'x'.repeat(53)}-${createHash('sha256')
        .update(`${'x'.repeat(53)}-${'y'.repeat(20)}`)
        .digest('hex')
        .slice(0, 8)}`,
    ],
  ])('%s → %s', (full, expected) => {
    expect(rbacName(full)).toBe(expected);
    expect(rbacName(full)).toMatch(DNS_LABEL);
  });
});

describe('compileKubernetes renames and determinism', () => {
  it('aliases every resource to the logical name it had under metadata.renamedFrom', () => {
    const base = app();
    const renamed = { ...base, metadata: { name: 'app', renamedFrom: 'old-app' } };
    const out = compileKubernetes(renamed, at(NOW));
    expect(out.map((r) => [r.name, r.aliases])).toEqual([
      ['app.k8s.role', ['old-app.k8s.role']],
      ['app.k8s.role-binding', ['old-app.k8s.role-binding']],
      ['app.k8s.service-account', ['old-app.k8s.service-account']],
    ]);
    expect(compileKubernetes(base, at(NOW)).every((r) => r.aliases === undefined)).toBe(true);
  });

  it('is deterministic and sorted by logical name', () => {
    for (const file of ACME_FILES) {
      const a = compileKubernetes(acme(file), at(NOW));
      expect(JSON.stringify(compileKubernetes(acme(file), at(NOW)))).toBe(JSON.stringify(a));
      expect(a.map((r) => r.name)).toEqual(a.map((r) => r.name).sort());
    }
  });
});
