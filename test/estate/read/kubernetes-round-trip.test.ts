// Round trip: what idac compiles for a manifest (ServiceAccount, Role, RoleBinding), once applied and
// dumped by kubectl, reads back as that manifest's access.kubernetes, with nothing reported as
// inexpressible, so drift of an untouched idac-made identity is empty by construction.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKubernetes } from '../../../src/compile/kubernetes.js';
import { parseKubectlDump } from '../../../src/features/estate/read/kubernetes-dump.js';
import {
  appliedKubernetesRules,
  canonicalRules,
  kubernetesIdOf,
  type KubernetesRule,
} from '../../../src/features/estate/read/kubernetes-names.js';
import type { MachineIdentity } from '../../../src/manifest/machine-identity.generated.js';
import { ACME_FILES, acme, at, role } from '../../compile/aws-fixture.js';
import { asApplied, list } from './kubectl-fixture.js';

const NOW = '2026-11-23T12:00:00Z';
const CTX = { org: null, now: Date.parse(NOW), cluster: 'prod-eu' };

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const identityName = fc.stringMatching(/^[a-z][a-z0-9-]{1,20}[a-z0-9]$/);
const rule: fc.Arbitrary<KubernetesRule> = fc.record(
  {
    apiGroups: fc.uniqueArray(fc.constantFrom('', 'apps', 'batch', 'networking.k8s.io', '*'), { minLength: 1 }),
    resources: fc.uniqueArray(
      fc.constantFrom('pods', 'pods/log', 'pods/*', 'configmaps', 'secrets', 'deployments', 'jobs', '*', '*/scale'),
      { minLength: 1 },
    ),
    resourceNames: fc.uniqueArray(fc.constantFrom('app-config', 'ledger.v2', 'a', 'x-1'), { minLength: 1 }),
    verbs: fc.uniqueArray(fc.constantFrom('get', 'list', 'watch', 'create', 'delete', 'impersonate', '*'), {
      minLength: 1,
    }),
  },
  { requiredKeys: ['apiGroups', 'resources', 'verbs'] },
);

function manifest(
  name: string,
  namespace: string,
  serviceAccount: string | undefined,
  rules: KubernetesRule[] | undefined,
) {
  const base = role({}, name);
  const data: MachineIdentity = {
    ...base,
    spec: {
      ...base.spec,
      access: {
        ...base.spec.access,
        kubernetes: {
          cluster: 'prod-eu',
          namespace,
          ...(serviceAccount === undefined ? {} : { serviceAccount }),
          ...(rules === undefined ? {} : { rules }),
        },
      },
    },
  };
  return data;
}

/** What the reader gives back for the manifest once compiled, applied and dumped. */
function readBack(data: MachineIdentity) {
  const r = parseKubectlDump(list(asApplied(compileKubernetes(data, at(NOW)))), CTX);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('Kubernetes round trip: compile, apply, dump, read', () => {
  it('every manifest reads back as its access.kubernetes (rules in canonical order), nothing inexpressible', () => {
    fc.assert(
      fc.property(
        identityName,
        fc.oneof(dnsLabel, fc.constantFrom('kube-system', 'default')),
        fc.option(fc.oneof(identityName, fc.constant('default')), { nil: undefined }),
        fc.option(fc.array(rule, { maxLength: 8 }), { nil: undefined }),
        (name, namespace, serviceAccount, rules) => {
          const data = manifest(name, namespace, serviceAccount, rules);
          const estate = readBack(data);
          const sa = serviceAccount ?? name;
          const canonical = canonicalRules(rules ?? []);
          expect(estate.warnings).toEqual([]);
          expect(estate.identities).toHaveLength(1);
          const [identity] = estate.identities;
          expect(identity!.id).toBe(kubernetesIdOf(data));
          expect(identity!.skip).toBeUndefined();
          expect(identity!.notExpressible).toEqual([]);
          expect(identity!.access).toEqual({
            kubernetes: {
              cluster: 'prod-eu',
              namespace,
              serviceAccount: sa,
              ...(canonical.length > 0 ? { rules: canonical } : {}),
            },
          });
          expect(identity!.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'idac', 'idac.dev/identity': name });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a manifest already in canonical form reads back exactly', () => {
    fc.assert(
      fc.property(identityName, fc.array(rule, { minLength: 1, maxLength: 6 }), (name, rules) => {
        const data = manifest(name, 'payments', name, canonicalRules(rules));
        expect(readBack(data).identities[0]!.access).toEqual(
          data.spec.access.kubernetes && { kubernetes: data.spec.access.kubernetes },
        );
      }),
      { numRuns: 100 },
    );
  });

  it('an active elevation is access the account holds now, and says it came from the elevation binding', () => {
    const data: MachineIdentity = {
      ...manifest('app', 'payments', 'app', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]),
    };
    data.spec.elevations = [
      {
        reason: 'INC-2291 read pod logs',
        approvedBy: 'dave@acme.example',
        from: '2026-11-23T10:00:00Z',
        until: '2026-11-23T18:00:00Z',
        access: { kubernetes: { rules: [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }] } },
      },
    ];
    const identity = readBack(data).identities[0]!;
    expect(identity.access.kubernetes?.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
    expect(identity.origins.map((o) => o.from)).toEqual([
      'RoleBinding payments/idac-app → Role payments/idac-app',
      expect.stringMatching(
        /^RoleBinding payments\/idac-app-elevation-[0-9a-f]{8} → Role payments\/idac-app-elevation-/,
      ),
    ]);
  });

  it('a suspended identity has its Role but no binding: the account holds no rules', () => {
    const data = manifest('app', 'payments', 'app', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]);
    data.spec.status = 'suspended';
    const identity = readBack(data).identities[0]!;
    expect(identity.access).toEqual({
      kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' },
    });
  });
});

describe('appliedKubernetesRules: what the reader reads back, predicted from the manifest', () => {
  const window = fc.constantFrom(
    ['2026-11-23T10:00:00Z', '2026-11-23T18:00:00Z'], // in force at NOW
    ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'], // over
    ['2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z'], // not yet
  );
  const elevation = fc.record({
    window,
    reason: fc.constantFrom('INC-1 logs', 'INC-2 debug'),
    rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
  });

  it('equals the rules read back, for every status and any elevations', () => {
    fc.assert(
      fc.property(
        fc.option(fc.array(rule, { maxLength: 5 }), { nil: undefined }),
        fc.constantFrom<'active' | 'suspended' | 'decommissioned'>('active', 'suspended', 'decommissioned'),
        // Two elevations with the same window and reason would share their objects' names (elevationKey).
        fc.uniqueArray(elevation, { maxLength: 3, selector: (e) => `${e.window.join()} ${e.reason}` }),
        (rules, status, elevations) => {
          const data = manifest('app', 'payments', 'app', rules);
          data.spec.status = status;
          data.spec.elevations = elevations.map(({ window: [from, until], reason, rules: granted }) => ({
            reason,
            approvedBy: 'dave@acme.example',
            from,
            until,
            access: { kubernetes: { rules: granted } },
          }));
          const expected = appliedKubernetesRules(data, CTX.now);
          const identities = readBack(data).identities;
          if (expected === null) {
            expect(identities).toEqual([]);
            return;
          }
          expect(identities).toHaveLength(1);
          expect(identities[0]!.access.kubernetes?.rules ?? []).toEqual(expected);
          expect(identities[0]!.notExpressible).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is null without Kubernetes access', () => {
    expect(appliedKubernetesRules(role({}, 'app'), CTX.now)).toBeNull();
  });
});

describe('the acme example repository round-trips', () => {
  it('every acme identity with Kubernetes access, compiled together into one dump, reads back as its manifest', () => {
    const identities = ACME_FILES.map(acme).filter((d) => d.spec.access.kubernetes);
    expect(identities.length).toBeGreaterThan(1);
    const objects = identities.flatMap((d) => asApplied(compileKubernetes(d, at(NOW))));
    const r = parseKubectlDump(list(objects), CTX);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.warnings).toEqual([]);
    const expected = identities
      .map((d) => {
        const k8s = d.spec.access.kubernetes!;
        const rules = canonicalRules(k8s.rules ?? []);
        return {
          id: kubernetesIdOf(d),
          access: {
            kubernetes: {
              ...k8s,
              serviceAccount: k8s.serviceAccount ?? d.metadata.name,
              ...(rules.length > 0 ? { rules } : {}),
            },
          },
        };
      })
      .sort((a, b) => (a.id! < b.id! ? -1 : 1));
    expect(r.value.identities.map((i) => ({ id: i.id, access: i.access }))).toEqual(expected);
    expect(r.value.identities.flatMap((i) => i.notExpressible)).toEqual([]);
  });
});

describe('canonicalRules', () => {
  it('is idempotent and ignores the order of rules and of each list', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), fc.nat(), (rules, seed) => {
        const once = canonicalRules(rules);
        expect(canonicalRules(once)).toEqual(once);
        const shuffled = shuffle(rules, seed).map((r) => ({
          ...r,
          apiGroups: shuffle(r.apiGroups, seed),
          resources: shuffle(r.resources, seed + 1),
          verbs: [...shuffle(r.verbs, seed + 2), r.verbs[0]!],
        }));
        expect(canonicalRules(shuffled)).toEqual(once);
      }),
    );
  });

  it('keeps resourceNames apart: a rule with names is not the rule without', () => {
    const open = { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] };
    expect(canonicalRules([open, { ...open, resourceNames: ['a'] }])).toEqual([
      { ...open, resourceNames: ['a'] },
      open,
    ]);
  });
});

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
