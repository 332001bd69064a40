// Vault compile: policies (golden HCL), the Kubernetes and AppRole auth roles, secret-ids per live
// generation with their delivery, PKI roles; lifecycle, elevations, renames, and HCL escaping
// checked by reading the quoted strings back with an independent decoder (JSON.parse).

import { describe, expect, it } from 'vitest';
import { deliveryResources } from '../../src/compile/delivery.js';
import { ref, type DesiredResource } from '../../src/compile/types.js';
import { compileVault, hclString, mountPart, policyText } from '../../src/compile/vault.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { orgModel } from '../../src/model/org.js';
import { ACME_FILES, ACME_ORG, acme, at, role } from './aws-fixture.js';
import { elevationKeyOf as key } from './aws-fixture.js';

const NOW = '2026-11-23T12:00:00Z';
const DAY = 86_400;

type VaultAccess = NonNullable<MachineIdentity['spec']['access']['vault']>;

/** The fixture identity with Kubernetes access (prod-eu/payments, service account app) and the given Vault access. */
function app(
  vault: Partial<VaultAccess> = {},
  patch: Partial<MachineIdentity['spec']> = {},
  name = 'app',
): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: {
      ...base.spec,
      access: {
        kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' },
        vault: {
          auth: 'kubernetes',
          paths: [{ path: 'kv/data/payments/app/*', capabilities: ['read', 'list'] }],
          ...vault,
        },
      },
      ...patch,
    },
  };
}

function approle(vault: Partial<VaultAccess> = {}, patch: Partial<MachineIdentity['spec']> = {}): MachineIdentity {
  const base = app({ auth: 'approle', ...vault }, { rotation: { period: '30d', overlap: '1d' }, ...patch });
  const { kubernetes: _, ...access } = base.spec.access;
  return { ...base, spec: { ...base.spec, access } };
}

function elevation(
  from: string,
  until: string,
  reason: string,
  paths = [{ path: 'kv/data/payments/replay/*', capabilities: ['create' as const, 'update' as const] }],
) {
  return { reason, approvedBy: 'dave@acme.example', from, until, access: { vault: { paths } } };
}

const named = (out: DesiredResource[], name: string) => out.find((r) => r.name === name)!;

describe('compileVault on the acme examples', () => {
  it('settlement-reader: policy, Kubernetes auth role bound to its service account, PKI role', () => {
    expect(compileVault(acme('payments/settlement-reader.yaml'), at(NOW))).toEqual<DesiredResource[]>([
      {
        type: 'vault:kubernetes/authBackendRole:AuthBackendRole',
        name: 'settlement-reader.vault.auth-role',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'vault',
        inputs: {
          backend: 'kubernetes',
          roleName: 'settlement-reader',
          boundServiceAccountNames: ['settlement-reader'],
          boundServiceAccountNamespaces: ['payments'],
          tokenPolicies: ['idac-settlement-reader'],
          tokenTtl: 3600,
          tokenMaxTtl: 3600,
        },
      },
      {
        type: 'vault:pkiSecret/secretBackendRole:SecretBackendRole',
        name: 'settlement-reader.vault.pki.pki',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'vault',
        inputs: {
          backend: 'pki',
          name: 'settlement-reader',
          allowedDomains: ['settlement-reader.payments.svc.cluster.local'],
          allowBareDomains: true,
          allowSubdomains: false,
          allowGlobDomains: false,
          allowWildcardCertificates: false,
          allowAnyName: false,
          enforceHostnames: true,
          allowIpSans: false,
          serverFlag: true,
          clientFlag: true,
          ttl: '259200',
          maxTtl: '259200',
        },
      },
      {
        type: 'vault:index/policy:Policy',
        name: 'settlement-reader.vault.policy',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'vault',
        inputs: {
          name: 'idac-settlement-reader',
          policy:
            'path "kv/data/payments/settlement/*" {\n  capabilities = ["read"]\n}\n\npath ' +
            '"pki/issue/settlement-reader" {\n  capabilities = ["update"]\n}\n',
        },
      },
    ]);
  });

  it('ledger-writer inside the overlap: AppRole, two secret-ids, the newest delivered to Vault KV', () => {
    // offset = sha256("ledger-writer")[0..4] mod 30d puts generation 692 at 2026-11-05T22:48:43Z; the 2d overlap ends
    // 2026-11-07T22:48:43Z.
    const data = acme('payments/ledger-writer.yaml');
    const ctx = at('2026-11-06T12:00:00Z');
    const out = compileVault(data, ctx);
    expect(out.map((r) => r.name)).toEqual([
      'ledger-writer.delivery.vault',
      'ledger-writer.vault.approle-role',
      'ledger-writer.vault.policy',
      'ledger-writer.vault.secret-id.g691',
      'ledger-writer.vault.secret-id.g692',
    ]);
    expect(named(out, 'ledger-writer.vault.approle-role')).toEqual({
      type: 'vault:appRole/authBackendRole:AuthBackendRole',
      name: 'ledger-writer.vault.approle-role',
      identity: 'ledger-writer',
      team: 'payments',
      provider: 'vault',
      inputs: {
        backend: 'approle',
        roleName: 'ledger-writer',
        tokenPolicies: ['idac-ledger-writer'],
        tokenTtl: 3600,
        tokenMaxTtl: 3600,
        secretIdTtl: 32 * DAY,
        secretIdNumUses: 0,
      },
    });
    for (const g of [691, 692]) {
      expect(named(out, `ledger-writer.vault.secret-id.g${g}`)).toEqual({
        type: 'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId',
        name: `ledger-writer.vault.secret-id.g${g}`,
        identity: 'ledger-writer',
        team: 'payments',
        provider: 'vault',
        inputs: { backend: 'approle', roleName: { $ref: 'ledger-writer.vault.approle-role', output: 'roleName' } },
        secretOutputs: ['secretId', 'wrappingToken'],
      });
    }
    const values = {
      VAULT_ROLE_ID: ref('ledger-writer.vault.approle-role', 'roleId'),
      VAULT_SECRET_ID: ref('ledger-writer.vault.secret-id.g692', 'secretId'),
    };
    expect(named(out, 'ledger-writer.delivery.vault')).toEqual(deliveryResources(data, ctx, values)[0]);
    expect(named(out, 'ledger-writer.delivery.vault').inputs).toMatchObject({
      mount: 'kv',
      name: 'payments/ledger-writer/credentials',
      dataJson: values,
    });
    expect(named(out, 'ledger-writer.vault.policy').inputs.policy).toBe(
      'path "kv/data/payments/ledger/*" {\n  capabilities = ["read"]\n}\n',
    );
  });

  it.each([
    ['2026-11-07T22:48:42Z', ['g691', 'g692']],
    ['2026-11-07T22:48:43Z', ['g692']],
    [NOW, ['g692']],
    ['2026-12-05T22:48:43Z', ['g692', 'g693']],
  ])('ledger-writer at %s holds secret-ids %j', (now, gens) => {
    const out = compileVault(acme('payments/ledger-writer.yaml'), at(now));
    expect(out.filter((r) => r.name.includes('.secret-id.')).map((r) => r.name.split('.').pop())).toEqual(gens);
    expect(
      (named(out, 'ledger-writer.delivery.vault').inputs.dataJson as { VAULT_SECRET_ID: unknown }).VAULT_SECRET_ID,
    ).toEqual(ref(`ledger-writer.vault.secret-id.${gens.at(-1)}`, 'secretId'));
  });

  it(
    'edge-gateway: AppRole without delivery, a PKI role on ' + 'a second mount, a policy of its issue endpoint only',
    () => {
      const out = compileVault(acme('platform/edge-gateway.yaml'), at(NOW));
      expect(out.map((r) => r.name)).toEqual([
        'edge-gateway.vault.approle-role',
        'edge-gateway.vault.pki.pki-devices',
        'edge-gateway.vault.policy',
        'edge-gateway.vault.secret-id.g1483',
      ]);
      expect(named(out, 'edge-gateway.vault.policy').inputs.policy).toBe(
        'path "pki-devices/issue/edge-gateway" {\n  capabilities = ["update"]\n}\n',
      );
      expect(named(out, 'edge-gateway.vault.pki.pki-devices').inputs).toMatchObject({
        backend: 'pki-devices',
        name: 'edge-gateway',
        allowedDomains: ['gw-berlin-01.devices.acme.example'],
        ttl: '2592000',
        maxTtl: '2592000',
      });
      expect(named(out, 'edge-gateway.vault.approle-role').inputs).toMatchObject({
        secretIdTtl: 15 * DAY,
        tokenPolicies: ['idac-edge-gateway'],
      });
      expect(named(out, 'edge-gateway.vault.approle-role').inputs).not.toHaveProperty('tokenNoDefaultPolicy');
    },
  );

  it('legacy-etl (suspended): policy and secret-id stay, the AppRole hands out no policy, not even default', () => {
    const out = compileVault(acme('data/legacy-etl.yaml'), at(NOW));
    // epoch 1: generation 692 of the clock plus one.
    expect(out.map((r) => r.name)).toEqual([
      'legacy-etl.vault.approle-role',
      'legacy-etl.vault.policy',
      'legacy-etl.vault.secret-id.g693',
    ]);
    expect(named(out, 'legacy-etl.vault.approle-role').inputs).toEqual({
      backend: 'approle',
      roleName: 'legacy-etl',
      tokenPolicies: [],
      tokenNoDefaultPolicy: true,
      tokenTtl: 3600,
      tokenMaxTtl: 3600,
      secretIdTtl: 31 * DAY,
      secretIdNumUses: 0,
    });
  });

  it.each([
    ['data/report-exporter.yaml', []],
    ['payments/nightly-recon.yaml', []],
    ['platform/ci-deployer.yaml', []],
    ['platform/release-bot.yaml', []],
    ['data/support-assistant.yaml', ['support-assistant.vault.auth-role', 'support-assistant.vault.policy']],
  ])('%s compiles to %j', (file, names) => {
    expect(compileVault(acme(file), at(NOW)).map((r) => r.name)).toEqual(names);
  });

  it('is deterministic, sorted by logical name, and tagged with identity and team', () => {
    for (const file of ACME_FILES) {
      const data = acme(file);
      const a = compileVault(data, at(NOW));
      expect(JSON.stringify(compileVault(acme(file), at(NOW)))).toBe(JSON.stringify(a));
      expect(a.map((r) => r.name)).toEqual(a.map((r) => r.name).sort());
      for (const r of a)
        expect([r.identity, r.team, r.provider]).toEqual([data.metadata.name, data.spec.stewardship.team, 'vault']);
    }
  });
});

describe('compileVault auth roles', () => {
  it('binds the Kubernetes auth role to the defaulted service account and its namespace', () => {
    const base = app();
    const data = {
      ...base,
      spec: { ...base.spec, access: { ...base.spec.access, kubernetes: { cluster: 'prod-eu', namespace: 'ledger' } } },
    };
    expect(named(compileVault(data, at(NOW)), 'app.vault.auth-role').inputs).toMatchObject({
      boundServiceAccountNames: ['app'],
      boundServiceAccountNamespaces: ['ledger'],
    });
  });

  it('leaves the Kubernetes auth role out when the identity has no service account to bind', () => {
    const base = app();
    const data = { ...base, spec: { ...base.spec, access: { vault: base.spec.access.vault! } } };
    expect(compileVault(data, at(NOW)).map((r) => r.name)).toEqual(['app.vault.policy']);
  });

  it('uses the auth mounts org.yaml names, and the defaults without them or without org.yaml', () => {
    const org = orgModel({
      apiVersion: 'idac/v1',
      kind: 'Organization',
      spec: {
        teams: { payments: { members: ['alice@acme.example'] } },
        targets: {
          kubernetes: { 'prod-eu': { vaultAuthMount: 'k8s/prod-eu' } },
          vault: { approleMount: 'approle-batch' },
        },
      },
    });
    expect(named(compileVault(app(), at(NOW, org)), 'app.vault.auth-role').inputs.backend).toBe('k8s/prod-eu');
    expect(named(compileVault(app(), at(NOW, ACME_ORG)), 'app.vault.auth-role').inputs.backend).toBe('kubernetes');
    expect(named(compileVault(app(), at(NOW, null)), 'app.vault.auth-role').inputs.backend).toBe('kubernetes');
    const out = compileVault(approle(), at(NOW, org));
    expect(
      out.filter((r) => r.name.includes('approle') || r.name.includes('secret-id')).map((r) => r.inputs.backend),
    ).toEqual(['approle-batch', 'approle-batch']);
    expect(named(compileVault(approle(), at(NOW, null)), 'app.vault.approle-role').inputs.backend).toBe('approle');
  });

  it('ignores a cluster name that is only an Object.prototype key', () => {
    const base = app();
    const data = {
      ...base,
      spec: {
        ...base.spec,
        access: { ...base.spec.access, kubernetes: { cluster: 'constructor', namespace: 'payments' } },
      },
    };
    expect(named(compileVault(data, at(NOW)), 'app.vault.auth-role').inputs.backend).toBe('kubernetes');
  });

  it.each([
    ['30d, 1d', { period: '30d', overlap: '1d' }, { secretIdTtl: 31 * DAY }],
    ['without overlap', { period: '7d' }, { secretIdTtl: 7 * DAY }],
    ['overlap capped at the period', { period: '1d', overlap: '3d' }, { secretIdTtl: 2 * DAY }],
    ['minutes', { period: '90m', overlap: '15m' }, { secretIdTtl: 105 * 60 }],
  ])('secretIdTtl = period + overlap: %s', (_, rotation, expected) => {
    expect(named(compileVault(approle({}, { rotation }), at(NOW)), 'app.vault.approle-role').inputs).toMatchObject(
      expected,
    );
  });

  it('leaves secretIdTtl out without a rotation period (validate requires one for AppRole)', () => {
    for (const rotation of [undefined, { period: '0d' }]) {
      const inputs = named(compileVault(approle({}, { rotation }), at(NOW)), 'app.vault.approle-role').inputs;
      expect('secretIdTtl' in inputs).toBe(false);
      expect(
        compileVault(approle({}, { rotation }), at(NOW))
          .filter((r) => r.name.includes('secret-id'))
          .map((r) => r.name),
      ).toEqual(['app.vault.secret-id.g0']);
    }
  });

  it('delivers the role id and newest secret-id to a Kubernetes Secret when asked', () => {
    const base = app(
      { auth: 'approle' },
      {
        rotation: { period: '30d', overlap: '1d' },
        delivery: { kubernetesSecret: { namespace: 'payments', name: 'app-vault' } },
      },
    );
    const out = compileVault(base, at(NOW));
    const secret = named(out, 'app.delivery.kubernetes');
    expect(secret.type).toBe('kubernetes:core/v1:Secret');
    const live = out.filter((r) => r.name.includes('secret-id')).map((r) => r.name);
    expect(secret.inputs.stringData).toEqual({
      VAULT_ROLE_ID: ref('app.vault.approle-role', 'roleId'),
      VAULT_SECRET_ID: ref(live.at(-1)!, 'secretId'),
    });
    expect(out.some((r) => r.name === 'app.vault.auth-role')).toBe(false);
  });
});

describe('compileVault lifecycle and elevations', () => {
  const open = elevation('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z', 'INC-4711 replay');
  const later = elevation('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z', 'CHG-12 migration');
  const k = key('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z', 'INC-4711 replay');

  it('compiles nothing without spec.access.vault or when decommissioned', () => {
    expect(compileVault(role(), at(NOW))).toEqual([]);
    expect(compileVault(app({}, { status: 'decommissioned' }), at(NOW))).toEqual([]);
    expect(compileVault(approle({}, { status: 'decommissioned' }), at(NOW))).toEqual([]);
  });

  it('suspended (Kubernetes auth): everything stays, the role hands out no policy', () => {
    const active = compileVault(app(), at(NOW));
    const suspended = compileVault(app({}, { status: 'suspended' }), at(NOW));
    expect(suspended.map((r) => r.name)).toEqual(active.map((r) => r.name));
    expect(named(suspended, 'app.vault.auth-role').inputs.tokenPolicies).toEqual([]);
    expect(named(suspended, 'app.vault.policy')).toEqual(named(active, 'app.vault.policy'));
  });

  it('an active elevation adds its own policy and the auth role hands it out', () => {
    const out = compileVault(app({}, { elevations: [later, open] }), at(NOW));
    expect(out.map((r) => r.name)).toEqual(['app.vault.auth-role', `app.vault.${k}.policy`, 'app.vault.policy']);
    expect(named(out, `app.vault.${k}.policy`).inputs).toEqual({
      name: `idac-app-${k}`,
      policy: 'path "kv/data/payments/replay/*" {\n  capabilities = ["create", "update"]\n}\n',
    });
    expect(named(out, 'app.vault.auth-role').inputs.tokenPolicies).toEqual(['idac-app', `idac-app-${k}`]);
  });

  it('an elevation gives an AppRole its policy too, even when the identity has no policy of its own', () => {
    const out = compileVault(approle({ paths: undefined }, { elevations: [open] }), at(NOW));
    expect(out.map((r) => r.name)).toEqual([
      'app.vault.approle-role',
      `app.vault.${k}.policy`,
      'app.vault.secret-id.g692',
    ]);
    expect(named(out, 'app.vault.approle-role').inputs.tokenPolicies).toEqual([`idac-app-${k}`]);
  });

  it.each([
    ['before the window', '2026-11-23T07:59:59Z', {}],
    ['at its end', '2026-11-23T16:00:00Z', {}],
    ['while suspended', NOW, { status: 'suspended' as const }],
  ])('adds no elevation policy %s', (_, now, patch) => {
    const out = compileVault(app({}, { elevations: [open], ...patch }), at(now));
    expect(out.map((r) => r.name)).toEqual(['app.vault.auth-role', 'app.vault.policy']);
  });

  it('omits the policy when nothing is granted, and the role then hands out none', () => {
    const out = compileVault(approle({ paths: undefined }), at(NOW));
    expect(out.map((r) => r.name)).toEqual(['app.vault.approle-role', 'app.vault.secret-id.g692']);
    expect(named(out, 'app.vault.approle-role').inputs.tokenPolicies).toEqual([]);
  });

  it('aliases every resource under metadata.renamedFrom', () => {
    const base = approle(
      { certificates: [{ mount: 'pki', commonNames: ['app.payments.svc.cluster.local'], ttl: '24h' }] },
      { elevations: [open], delivery: { vaultPath: 'kv/data/payments/app/creds' } },
    );
    const out = compileVault({ ...base, metadata: { name: 'app', renamedFrom: 'old-app' } }, at(NOW));
    expect(out.map((r) => [r.name, r.aliases])).toEqual([
      ['app.delivery.vault', ['old-app.delivery.vault']],
      ['app.vault.approle-role', ['old-app.vault.approle-role']],
      [`app.vault.${k}.policy`, [`old-app.vault.${k}.policy`]],
      ['app.vault.pki.pki', ['old-app.vault.pki.pki']],
      ['app.vault.policy', ['old-app.vault.policy']],
      ['app.vault.secret-id.g692', ['old-app.vault.secret-id.g692']],
    ]);
    expect(compileVault(base, at(NOW)).every((r) => r.aliases === undefined)).toBe(true);
  });

  it('protects nothing: every Vault object here can be recreated from the manifest', () => {
    const out = compileVault(
      approle({ certificates: [{ mount: 'pki', commonNames: ['a.example'], ttl: '1h' }] }, { elevations: [open] }),
      at(NOW),
    );
    expect(out.filter((r) => r.protect !== undefined)).toEqual([]);
  });
});

describe('compileVault certificates', () => {
  it('one PKI role per mount; nested mounts get distinct, dot-joined logical names', () => {
    const out = compileVault(
      app({
        paths: undefined,
        certificates: [
          { mount: 'pki/int', commonNames: ['a.payments.svc.cluster.local'], ttl: '24h' },
          { mount: 'pki_int', commonNames: ['b.payments.svc.cluster.local'], ttl: '48h' },
        ],
      }),
      at(NOW),
    );
    expect(out.map((r) => r.name)).toEqual([
      'app.vault.auth-role',
      'app.vault.pki.pki.int',
      'app.vault.pki.pki_int',
      'app.vault.policy',
    ]);
    expect(named(out, 'app.vault.pki.pki.int').inputs).toMatchObject({
      backend: 'pki/int',
      name: 'app',
      allowedDomains: ['a.payments.svc.cluster.local'],
      ttl: '86400',
      maxTtl: '86400',
    });
    expect(named(out, 'app.vault.pki.pki_int').inputs).toMatchObject({ backend: 'pki_int', ttl: '172800' });
    expect(named(out, 'app.vault.policy').inputs.policy).toBe(
      'path "pki/int/issue/app" {\n  capabilities = ["update"]\n}\n\npath "pki_int/issue/app" {\n  ' +
        'capabilities = ["update"]\n}\n',
    );
  });

  it('merges entries of one mount: names in declared order without repeats, the shortest ttl', () => {
    const out = compileVault(
      app({
        paths: undefined,
        certificates: [
          { mount: 'pki', commonNames: ['a.example', 'b.example'], ttl: '72h' },
          { mount: 'pki', commonNames: ['b.example', 'c.example'], ttl: '1d' },
          { mount: 'pki', commonNames: ['d.example'], ttl: '30d' },
        ],
      }),
      at(NOW),
    );
    expect(out.filter((r) => r.name.includes('.pki.')).map((r) => r.inputs)).toEqual([
      {
        backend: 'pki',
        name: 'app',
        allowedDomains: ['a.example', 'b.example', 'c.example', 'd.example'],
        allowBareDomains: true,
        allowSubdomains: false,
        allowGlobDomains: false,
        allowWildcardCertificates: false,
        allowAnyName: false,
        enforceHostnames: true,
        allowIpSans: false,
        serverFlag: true,
        clientFlag: true,
        ttl: '86400',
        maxTtl: '86400',
      },
    ]);
    expect(named(out, 'app.vault.policy').inputs.policy).toBe(
      'path "pki/issue/app" {\n  capabilities = ["update"]\n}\n',
    );
  });

  it.each([
    ['pki', 'pki'],
    ['pki/int', 'pki.int'],
    ['a_b', 'a_b'],
    ['a/b/c-d', 'a.b.c-d'],
  ])('mountPart(%s) = %s', (mount, part) => {
    expect(mountPart(mount)).toBe(part);
  });
});

/**
 * A small HCL lexer: a quoted string ends at the first `"` no backslash escapes and may not hold a
 * raw newline (as in HCL); its body is decoded with JSON.parse, an independent decoder of the
 * escapes hclString writes. Strings come back as `str:<value>`, everything else as written.
 */
function hclTokens(policy: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < policy.length) {
    const c = policy[i]!;
    if (/\s/.test(c)) i++;
    else if ('{}[]=,'.includes(c)) out.push(policy[i++]!);
    else if (c === '"') {
      let j = i + 1;
      while (policy[j] !== '"') {
        if (j >= policy.length || policy[j] === '\n') throw new Error(`unterminated string at ${i}`);
        j += policy[j] === '\\' ? 2 : 1;
      }
      out.push(`str:${JSON.parse(policy.slice(i, j + 1)) as string}`);
      i = j + 1;
    } else {
      const word = /^[A-Za-z_]+/.exec(policy.slice(i))?.[0];
      if (!word) throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
      out.push(word);
      i += word.length;
    }
  }
  return out;
}

describe('policy HCL', () => {
  it('golden text: one block per path in declared order, capabilities in declared order, blank line between', () => {
    expect(
      policyText(
        [
          { path: 'kv/data/payments/app/*', capabilities: ['read', 'list'] },
          { path: 'kv/metadata/payments/app/*', capabilities: ['list'] },
          { path: 'kv/data/payments/{{identity.entity.id}}/*', capabilities: ['create', 'update', 'delete'] },
        ],
        ['pki/issue/app'],
      ),
    ).toBe(
      [
        'path "kv/data/payments/app/*" {',
        '  capabilities = ["read", "list"]',
        '}',
        '',
        'path "kv/metadata/payments/app/*" {',
        '  capabilities = ["list"]',
        '}',
        '',
        'path "kv/data/payments/{{identity.entity.id}}/*" {',
        '  capabilities = ["create", "update", "delete"]',
        '}',
        '',
        'path "pki/issue/app" {',
        '  capabilities = ["update"]',
        '}',
        '',
      ].join('\n'),
    );
    expect(policyText([], [])).toBe('');
  });

  it.each([
    ['kv/data/a', '"kv/data/a"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['${file("/etc/passwd")}', '"\\u0024{file(\\"/etc/passwd\\")}"'],
    ['%{ if true }x%{ endif }', '"\\u0025{ if true }x\\u0025{ endif }"'],
    ['a\nb\r\tc', '"a\\u000ab\\u000d\\u0009c"'],
    ['é\u2028', '"\\u00e9\\u2028"'],
    ['\u{1F600}', '"\\U0001f600"'],
  ])('hclString(%j) = %s', (text, quoted) => {
    expect(hclString(text)).toBe(quoted);
  });

  it.each([
    'kv/data/x" {\n  capabilities = ["sudo"]\n}\npath "sys/*',
    'kv/data/x\\" { capabilities = ["sudo"] } path "sys/*',
    'kv/data/${"}"}" { capabilities = ["sudo"] }',
    'kv/data/%{ if "x" }',
    'kv/data/\u0000\u001f\u007f',
  ])('a hostile path stays one string of one block: %j', (path) => {
    const policy = policyText([{ path, capabilities: ['read'] }], []);
    expect(policy.split('\n')).toHaveLength(4);
    expect(hclTokens(policy)).toEqual(['path', `str:${path}`, '{', 'capabilities', '=', '[', 'str:read', ']', '}']);
    expect(policy).not.toContain('${');
    expect(policy).not.toContain('%{');
  });
});

describe('the schema already keeps HCL syntax out of Vault paths', () => {
  it.each(['a"b', 'a\\b', 'a${b}', 'a%{b}', 'a b', 'a\nb'])('rejects %j', async (path) => {
    const schema = (await import('../../schema/machine-identity.schema.json', { with: { type: 'json' } })).default as {
      definitions: { vaultPath: { pattern: string } };
    };
    expect(new RegExp(schema.definitions.vaultPath.pattern, 'u').test(path)).toBe(false);
    expect(new RegExp(schema.definitions.vaultPath.pattern, 'u').test('kv/data/{{identity.entity.id}}/*')).toBe(true);
  });
});
