// The Vault dump → the estate: what idac compiles reads back as the manifest it came from (the acme
// examples and variations), and an estate made by hand maps exactly, with every part a manifest
// cannot say reported with its text.

import { describe, expect, it } from 'vitest';
import { compileVault } from '../../src/compile/vault.js';
import { parseVaultDump, vaultEstate } from '../../src/features/estate/read/vault-dump.js';
import type { EstateContext } from '../../src/features/estate/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { orgModel } from '../../src/model/org.js';
import { ACME_ORG, acme, at, role } from '../compile/aws-fixture.js';
import { dumpOf, emptyDump, type Dump } from './vault-fixture.js';

const NOW = '2026-11-23T12:00:00Z';
const ORG: Organization = { apiVersion: 'idac/v1', kind: 'Organization', spec: ACME_ORG.spec };
const CTX: EstateContext = { org: ORG, now: at(NOW).now };

function withOrg(patch: (spec: Organization['spec']) => Organization['spec']): Organization {
  return { ...ORG, spec: patch(structuredClone(ORG.spec)) };
}

function estateOf(dump: Dump, ctx: EstateContext = CTX) {
  const r = vaultEstate(dump, ctx, 'dump');
  if (!r.ok) throw new Error(r.diagnostics[0]!.summary);
  return r.value;
}

/** A Vault identity: the role fixture without AWS access, with the given Vault (and Kubernetes) access. */
function vaultIdentity(name: string, access: MachineIdentity['spec']['access'], rotation = false): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: { ...base.spec, access, ...(rotation ? { rotation: { period: '30d', overlap: '1d' } } : {}) },
  };
}

/**
 * The manifest's access as the Vault reader sees it: Kubernetes rules are the Kubernetes reader's,
 * certificates are PKI roles (not in the dump), and a suspended identity's role hands out no policy.
 */
function vaultView(data: MachineIdentity): MachineIdentity['spec']['access'] {
  const { vault, kubernetes } = data.spec.access;
  const { certificates: _, paths, ...rest } = vault!;
  return {
    vault: data.spec.status === 'suspended' || !paths ? rest : { ...rest, paths },
    ...(kubernetes && vault!.auth === 'kubernetes'
      ? {
          kubernetes: {
            cluster: kubernetes.cluster,
            namespace: kubernetes.namespace,
            serviceAccount: kubernetes.serviceAccount ?? data.metadata.name,
          },
        }
      : {}),
  };
}

const PATHS = [
  { path: 'kv/data/payments/app/*', capabilities: ['read' as const, 'list' as const] },
  { path: 'kv/data/payments/app/root', capabilities: ['deny' as const] },
  { path: 'transit/encrypt/+', capabilities: ['update' as const] },
];

describe('round trip: what idac compiles reads back as the manifest', () => {
  const cases: [string, MachineIdentity, Organization?][] = [
    ['acme support-assistant (kubernetes auth)', acme('data/support-assistant.yaml')],
    ['acme legacy-etl (approle)', acme('data/legacy-etl.yaml')],
    ['acme ledger-writer (approle)', acme('payments/ledger-writer.yaml')],
    ['acme settlement-reader (kubernetes auth, certificates, elevations)', acme('payments/settlement-reader.yaml')],
    ['acme edge-gateway (approle, certificates)', acme('platform/edge-gateway.yaml')],
    [
      'kubernetes auth, service account named after the identity',
      vaultIdentity('app', {
        kubernetes: { cluster: 'prod-eu', namespace: 'payments' },
        vault: { auth: 'kubernetes', paths: PATHS },
      }),
    ],
    [
      'kubernetes auth, another service account',
      vaultIdentity('app', {
        kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'worker' },
        vault: { auth: 'kubernetes', paths: PATHS },
      }),
    ],
    [
      'kubernetes auth, no paths',
      vaultIdentity('app', {
        kubernetes: { cluster: 'prod-eu', namespace: 'payments' },
        vault: { auth: 'kubernetes' },
      }),
    ],
    [
      'kubernetes auth on a cluster with its own mount',
      vaultIdentity('app', {
        kubernetes: { cluster: 'prod-us', namespace: 'payments' },
        vault: { auth: 'kubernetes', paths: PATHS },
      }),
      withOrg((s) => ({
        ...s,
        targets: { ...s.targets, kubernetes: { 'prod-us': { vaultAuthMount: 'k8s/prod-us' } } },
      })),
    ],
    ['approle', vaultIdentity('batch', { vault: { auth: 'approle', paths: PATHS } }, true)],
    [
      'approle on the mount org.yaml names',
      vaultIdentity('batch', { vault: { auth: 'approle', paths: PATHS } }, true),
      withOrg((s) => ({ ...s, targets: { ...s.targets, vault: { ...s.targets?.vault, approleMount: 'ci/approle' } } })),
    ],
  ];
  it.each(cases)('%s', (_, data, org = ORG) => {
    const ctx = at(NOW, orgModel(org));
    const estate = estateOf(dumpOf(compileVault(data, ctx)), { org, now: ctx.now });
    expect(estate.identities).toHaveLength(1);
    const [identity] = estate.identities;
    expect(identity!.access).toEqual(vaultView(data));
    expect(identity!.notExpressible).toEqual([]);
    expect(identity!.name).toBe(data.metadata.name);
    expect(estate.org).toEqual({});
  });
});

/** A hand-made estate: the kinds of roles and policies found in Vaults idac did not make. */
function handMade(): Dump {
  const dump = emptyDump();
  dump.policies = {
    root: '',
    default: 'path "auth/token/lookup-self" { capabilities = ["read"] }',
    'payments-read': '# payments\npath "kv/data/payments/*" {\n  capabilities = ["read", "list"]\n}\n',
    'payments-write':
      'path "kv/data/payments/*" { capabilities = ["create", "update"] }\n' +
      'path "kv/data/payments/ledger" {\n  capabilities = ["update"]\n  allowed_parameters = { "amount" = [] }\n}\n',
    'deny-admin': '{"path": {"sys/*": {"capabilities": ["deny"]}}}',
    orphan: 'path "kv/data/nobody/*" { capabilities = ["read"] }',
    broken: 'path "kv/data/x" { capabilities = ["read"]',
  };
  const token = { token_ttl: 0, token_max_ttl: 0, token_bound_cidrs: [], token_period: 0 };
  dump.auth = {
    token: { type: 'token' },
    'jwt-gitlab': { type: 'jwt' },
    kubernetes: {
      type: 'kubernetes',
      roles: {
        ledger: {
          ...token,
          bound_service_account_names: ['ledger'],
          bound_service_account_namespaces: ['payments'],
          token_policies: ['payments-read', 'payments-write', 'default'],
        },
        wide: {
          ...token,
          bound_service_account_names: ['*'],
          bound_service_account_namespaces: ['payments', 'ops'],
          token_policies: ['deny-admin'],
        },
      },
    },
    'k8s/edge': {
      type: 'kubernetes',
      roles: {
        gateway: {
          ...token,
          bound_service_account_names: ['gateway'],
          bound_service_account_namespaces: ['edge'],
          token_policies: ['root', 'missing'],
          token_bound_cidrs: ['10.0.0.0/8'],
        },
      },
    },
    approle: {
      type: 'approle',
      roles: {
        nightly: { ...token, bind_secret_id: false, token_policies: ['broken', 'payments-read'], secret_id_ttl: 0 },
      },
    },
  };
  return dump;
}

describe('a hand-made estate', () => {
  const estate = estateOf(handMade());
  const byId = new Map(estate.identities.map((i) => [i.id, i]));

  it('has one identity per Kubernetes and AppRole role, sorted by id', () => {
    expect(estate.identities.map((i) => i.id)).toEqual([
      'vault:auth/approle/role/nightly',
      'vault:auth/k8s/edge/role/gateway',
      'vault:auth/kubernetes/role/ledger',
      'vault:auth/kubernetes/role/wide',
    ]);
    expect(estate.scope).toBe('dump');
    expect(estate.keys).toEqual([]);
  });

  it('maps a role bound to one service account, leaving the parameter stanza out behind a deny', () => {
    const ledger = byId.get('vault:auth/kubernetes/role/ledger')!;
    expect(ledger.access).toEqual({
      vault: {
        auth: 'kubernetes',
        paths: [
          { path: 'kv/data/payments/*', capabilities: ['read', 'list'] },
          { path: 'kv/data/payments/*', capabilities: ['create', 'update'] },
          { path: 'kv/data/payments/ledger', capabilities: ['deny'] },
        ],
      },
      kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'ledger' },
    });
    expect(ledger.live).toEqual({ policies: ['default', 'payments-read', 'payments-write'] });
    expect(ledger.notExpressible).toEqual([
      {
        source: 'policy payments-write',
        statement:
          'path "kv/data/payments/ledger" {\n  capabilities = ["update"]\n  allowed_parameters = { "amount" = [] }\n}',
        reason:
          'a manifest path has no "allowed_parameters" (it limits which request parameters (and values) may be sent): ' +
          'write the path without it, or keep it outside idac; without it a broader path would decide ' +
          'kv/data/payments/ledger, so the manifest denies it until a person decides',
      },
    ]);
    expect(ledger.origins).toEqual([
      { path: ['vault', 'paths', 0], from: 'policy payments-read' },
      { path: ['vault', 'paths', 1], from: 'policy payments-write' },
      { path: ['vault', 'paths', 2], from: 'policy payments-write (deny in place of what idac cannot express)' },
      { path: ['vault', 'auth'], from: 'auth mount kubernetes (kubernetes)' },
      { path: ['kubernetes'], from: 'auth role auth/kubernetes/role/ledger: bound service account' },
    ]);
  });

  it('reports a role bound to many service accounts, and reads JSON policies', () => {
    const wide = byId.get('vault:auth/kubernetes/role/wide')!;
    expect(wide.access).toEqual({ vault: { auth: 'kubernetes', paths: [{ path: 'sys/*', capabilities: ['deny'] }] } });
    expect(wide.notExpressible).toEqual([
      {
        source: 'auth role auth/kubernetes/role/wide',
        statement: '{"bound_service_account_names":["*"],"bound_service_account_namespaces":["payments","ops"]}',
        reason:
          'a manifest binds exactly one service account in one namespace (no * or selector): ' +
          'split the role per service account, or keep it outside idac',
      },
    ]);
  });

  it('reports root, a missing policy and bound networks; names a cluster for a mount org.yaml does not map', () => {
    const gateway = byId.get('vault:auth/k8s/edge/role/gateway')!;
    expect(gateway.access).toEqual({
      vault: { auth: 'kubernetes' },
      kubernetes: { cluster: 'k8s-edge', namespace: 'edge', serviceAccount: 'gateway' },
    });
    expect(gateway.notExpressible.map((n) => [n.source, n.statement])).toEqual([
      ['auth role auth/k8s/edge/role/gateway', 'missing'],
      ['auth role auth/k8s/edge/role/gateway', 'root'],
      ['auth role auth/k8s/edge/role/gateway', '{"token_bound_cidrs":["10.0.0.0/8"]}'],
    ]);
    expect(estate.org).toEqual({ kubernetes: { 'k8s-edge': { vaultAuthMount: 'k8s/edge' } } });
  });

  it('reports an AppRole without secret ids and a policy that does not parse', () => {
    const nightly = byId.get('vault:auth/approle/role/nightly')!;
    expect(nightly.access).toEqual({
      vault: { auth: 'approle', paths: [{ path: 'kv/data/payments/*', capabilities: ['read', 'list'] }] },
    });
    expect(nightly.notExpressible).toEqual([
      {
        source: 'policy broken',
        statement: 'broken',
        reason: 'the policy could not be read (policy line 1: a "{" is never closed)',
      },
      {
        source: 'auth role auth/approle/role/nightly',
        statement: '{"bind_secret_id":false}',
        reason: 'anyone with the role id logs in without a secret id; idac binds a rotated secret id',
      },
    ]);
  });

  it('warns about other auth methods, unbound policies and unreadable ones', () => {
    expect(estate.warnings).toEqual([
      'auth/jwt-gitlab (jwt) is not imported; idac imports Kubernetes and AppRole roles',
      'policies bound to no Kubernetes or AppRole role (not imported): orphan',
      'policy broken could not be read: policy line 1: a "{" is never closed',
    ]);
  });

  it('is the same estate from the dump text', () => {
    const r = parseVaultDump(JSON.stringify(handMade()), CTX);
    expect(r.ok && r.value).toEqual(estate);
  });
});

describe('refused dumps', () => {
  it.each([
    ['not JSON', '{', /is not JSON/],
    ['another format', '{"format":"x"}', /has format "x"/],
    ['no format', '{}', /has format null/],
    ['policies not text', '{"format":"idac-vault-dump/v1","policies":{"a":1}}', /"policies" that are not/],
    ['a mount without type', '{"format":"idac-vault-dump/v1","auth":{"a/":{}}}', /auth\/a without a type/],
    [
      'roles not objects',
      '{"format":"idac-vault-dump/v1","auth":{"a":{"type":"approle","roles":{"r":1}}}}',
      /roles that are not objects/,
    ],
  ])('%s', (_, text, message) => {
    const r = parseVaultDump(text, CTX);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.summary).toMatch(message);
  });
});

describe('org.yaml decides names', () => {
  it('uses the cluster org.yaml maps to the mount, and the AppRole mount it names', () => {
    const dump = handMade();
    const org = withOrg((s) => ({
      ...s,
      targets: {
        ...s.targets,
        kubernetes: { ...s.targets?.kubernetes, edge: { vaultAuthMount: 'k8s/edge' } },
        vault: { ...s.targets?.vault, approleMount: 'other' },
      },
    }));
    const estate = estateOf(dump, { org, now: CTX.now });
    const gateway = estate.identities.find((i) => i.name === 'gateway')!;
    expect(gateway.access.kubernetes?.cluster).toBe('edge');
    expect(estate.org).toEqual({});
    const nightly = estate.identities.find((i) => i.name === 'nightly')!;
    expect(nightly.notExpressible.at(-1)).toEqual({
      source: 'auth role auth/approle/role/nightly',
      statement: '{"mount":"approle"}',
      reason:
        'idac manages AppRoles on one mount (org.yaml targets.vault.approleMount: other) and this role is on another: ' +
        'move it there, or keep it outside idac',
    });
  });

  it('without org.yaml, names the only AppRole mount and a cluster for the kubernetes mount', () => {
    const dump = emptyDump();
    dump.auth = {
      'ci/approle': { type: 'approle', roles: { a: { token_policies: [] } } },
      kubernetes: {
        type: 'kubernetes',
        roles: { b: { bound_service_account_names: 'b', bound_service_account_namespaces: 'n' } },
      },
    };
    const estate = estateOf(dump, { org: null, now: CTX.now });
    expect(estate.org).toEqual({ vault: { approleMount: 'ci/approle' }, kubernetes: { kubernetes: {} } });
    expect(estate.identities.map((i) => [i.id, i.notExpressible.length, i.access.kubernetes?.cluster])).toEqual([
      ['vault:auth/ci/approle/role/a', 0, undefined],
      ['vault:auth/kubernetes/role/b', 0, 'kubernetes'],
    ]);
  });
});
