// The Vault dump → the estate: what idac compiles reads back as the manifest it came from (the acme
// examples and variations), and an estate made by hand maps exactly, with every part a manifest
// cannot say reported with its text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileVault } from '../../src/compile/vault.js';
import { parseVaultDump, vaultEstate } from '../../src/features/estate/read/vault-dump.js';
import type { EstateContext } from '../../src/features/estate/types.js';
import { orgModel } from '../../src/model/org.js';
import { at } from '../compile/aws-fixture.js';
import {
  dumpOf,
  emptyDump,
  NOW,
  ORG,
  ROUND_TRIP,
  vaultIdentity,
  vaultView,
  withOrg,
  type Dump,
} from './vault-fixture.js';

const CTX: EstateContext = { org: ORG, now: at(NOW).now };

function estateOf(dump: Dump, ctx: EstateContext = CTX) {
  const r = vaultEstate(dump, ctx, 'dump');
  if (!r.ok) throw new Error(r.diagnostics[0]!.summary);
  return r.value;
}

describe('round trip: what idac compiles reads back as the manifest', () => {
  it.each(ROUND_TRIP)('%s', (_, data, org = ORG) => {
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
    aws: { type: 'aws' },
    'jwt-gitlab': {
      type: 'jwt',
      roles: {
        deploy: {
          ...token,
          role_type: 'jwt',
          bound_audiences: ['https://vault.example'],
          bound_claims: { project_path: ['acme/ledger'], ref: ['main', 'release'] },
          bound_claims_type: 'string',
          bound_subject: '',
          user_claim: 'sub',
          token_policies: ['payments-read'],
        },
        'literal-star': {
          ...token,
          role_type: 'jwt',
          bound_audiences: ['https://vault.example'],
          bound_claims: { ref: 'feature-*' },
          bound_claims_type: 'string',
          user_claim: 'sub',
          token_policies: ['payments-read'],
        },
        'people-login': { role_type: 'oidc', token_policies: ['orphan'] },
      },
    },
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
      'vault:auth/jwt-gitlab/role/deploy',
      'vault:auth/jwt-gitlab/role/literal-star',
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
          'a manifest path has no "allowed_parameters" ' +
          '(it limits which request parameters (and values) may be sent): ' +
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

  it('maps a JWT role, and binds nothing when a literal * would read as a glob', () => {
    expect(byId.get('vault:auth/jwt-gitlab/role/deploy')!.access).toEqual({
      vault: {
        auth: 'jwt',
        jwt: {
          mount: 'jwt-gitlab',
          audience: 'https://vault.example',
          claims: { project_path: 'acme/ledger', ref: ['main', 'release'] },
        },
        paths: [{ path: 'kv/data/payments/*', capabilities: ['read', 'list'] }],
      },
    });
    const star = byId.get('vault:auth/jwt-gitlab/role/literal-star')!;
    expect(star.access.vault?.jwt).toBeUndefined();
    expect(star.notExpressible).toEqual([
      {
        source: 'auth role auth/jwt-gitlab/role/literal-star',
        statement: '{"bound_claims":{"ref":"feature-*"},"bound_claims_type":"string","bound_subject":""}',
        reason: 'the bound claims cannot be written as manifest claims without changing what they admit',
      },
    ]);
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
      'auth/aws (aws) is not imported; idac imports Kubernetes, AppRole and JWT roles',
      'auth/jwt-gitlab/role/people-login is an OIDC login for people (role_type oidc), not imported',
      'policies bound to no Kubernetes, AppRole or JWT role (not imported): orphan',
      'policy broken could not be read: policy line 1: a "{" is never closed',
    ]);
  });

  it('is the same estate from the dump text', () => {
    const r = parseVaultDump(JSON.stringify(handMade()), CTX);
    expect(r.ok && r.value).toEqual(estate);
  });
});

describe('limits of a manifest', () => {
  it('keeps every path of a role with more than 100, and says the manifest must be split', () => {
    const dump = emptyDump();
    dump.policies.big = Array.from({ length: 101 }, (_, i) => `path "kv/data/p${i}" { capabilities = ["read"] }`).join(
      '\n',
    );
    dump.policies.long = `path "kv/${'x'.repeat(510)}" { capabilities = ["read"] }`;
    dump.auth.approle = { type: 'approle', roles: { big: { token_policies: ['big', 'long'] } } };
    const [big] = estateOf(dump).identities;
    expect(big!.access.vault?.paths).toHaveLength(101);
    expect(big!.notExpressible.map((n) => [n.source, n.statement.slice(0, 20), n.reason])).toEqual([
      [
        'policy long',
        'path "kv/xxxxxxxxxxx',
        'a manifest path cannot hold this path (too long, or spaces, quotes or other characters)',
      ],
      [
        'auth role auth/approle/role/big',
        '101 paths',
        "a manifest holds at most 100 Vault paths: split the role's policies",
      ],
    ]);
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
        'idac manages AppRoles on one mount (org.yaml targets.vault.approleMount: other) ' +
        'and this role is on another: ' +
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

describe('round trip, property: any Vault access idac compiles reads back', () => {
  const CAPS = ['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo', 'deny', 'subscribe', 'recover'] as const;
  const path = fc.stringMatching(/^[A-Za-z0-9_{}+*.-][A-Za-z0-9_{}+*./=@-]{0,30}$/);
  const paths = fc.array(
    fc.record({ path, capabilities: fc.uniqueArray(fc.constantFrom(...CAPS), { minLength: 1, maxLength: 10 }) }),
    { minLength: 1, maxLength: 8 },
  );
  const k8sName = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const access = fc.oneof(
    fc.record({ paths, namespace: k8sName, serviceAccount: k8sName }).map(({ paths, namespace, serviceAccount }) => ({
      kubernetes: { cluster: 'prod-eu', namespace, serviceAccount },
      vault: { auth: 'kubernetes' as const, paths },
    })),
    paths.map((paths) => ({ vault: { auth: 'approle' as const, paths } })),
  );

  it('holds for generated paths, capabilities and service accounts', () => {
    fc.assert(
      fc.property(access, (a) => {
        const data = vaultIdentity('app', a, a.vault.auth === 'approle');
        const ctx = at(NOW, orgModel(ORG));
        const estate = estateOf(dumpOf(compileVault(data, ctx)));
        expect(estate.identities.map((i) => [i.access, i.notExpressible])).toEqual([[vaultView(data), []]]);
      }),
      { numRuns: 200 },
    );
  });
});
