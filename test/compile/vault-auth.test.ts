// Vault compile for the federated auth methods of issue 17: the JWT role (audience, claims, their
// match type), AWS iam auth bound to the identity's own role, and cert auth admitting its
// certificate names under the org's CA; each kept through suspension with no policy, gone when
// decommissioned, and left out when there is nothing to bind to.

import { describe, expect, it } from 'vitest';
import type { DesiredResource } from '../../src/compile/types.js';
import { compileVault, unknownCertificateAuthority } from '../../src/compile/vault.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { at } from './aws-fixture.js';
import { vaultIdentity, type VaultAccess } from './vault-fixture.js';

const NOW = '2026-11-23T12:00:00Z';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CAS = new Map([['factory-ca', PEM]]);

/** The fixture identity ledger-ci with the given Vault access. */
const ident = (vault: VaultAccess, patch: Partial<MachineIdentity['spec']> = {}): MachineIdentity =>
  vaultIdentity('ledger-ci', vault, patch);

const JWT: VaultAccess = {
  auth: 'jwt',
  jwt: {
    mount: 'jwt-gitlab',
    audience: 'https://vault.example.com',
    claims: { ref: 'main', project_path: 'acme/ledger' },
  },
};

const authRole = (out: DesiredResource[]) => out.find((r) => r.name === 'ledger-ci.vault.auth-role');
const TOKEN = { tokenPolicies: ['idac-ledger-ci'], tokenTtl: 3600, tokenMaxTtl: 3600 };

describe('auth: jwt', () => {
  it('binds the audience and the claims (sorted), exact match, entity named after sub', () => {
    expect(authRole(compileVault(ident(JWT), at(NOW)))).toEqual({
      type: 'vault:jwt/authBackendRole:AuthBackendRole',
      name: 'ledger-ci.vault.auth-role',
      identity: 'ledger-ci',
      team: 'payments',
      provider: 'vault',
      inputs: {
        backend: 'jwt-gitlab',
        roleName: 'ledger-ci',
        roleType: 'jwt',
        boundAudiences: ['https://vault.example.com'],
        boundClaims: { project_path: 'acme/ledger', ref: 'main' },
        boundClaimsType: 'string',
        userClaim: 'sub',
        ...TOKEN,
      },
    });
  });

  it.each([
    ['a list is one comma-joined value', { ref: ['main', 'release'] }, { ref: 'main,release' }, 'string'],
    ['a * makes the match glob', { ref: 'release-*' }, { ref: 'release-*' }, 'glob'],
    ['a ? inside a list too', { environment: ['prod', 'prod-?'] }, { environment: 'prod,prod-?' }, 'glob'],
  ])('%s', (_, claims, boundClaims, boundClaimsType) => {
    const out = compileVault(ident({ auth: 'jwt', jwt: { ...JWT.jwt!, claims } }), at(NOW));
    expect(authRole(out)?.inputs).toMatchObject({ boundClaims, boundClaimsType });
  });

  it.each([
    ['a value with a comma stays whole: parsing off', { workflow: 'build, test' }, true],
    ['next to a list too (the list then fails closed)', { workflow: 'build, test', ref: ['main', 'dev'] }, true],
    ['no comma in any value: parsing on, so lists split', { ref: ['main', 'dev'] }, undefined],
  ])('%s', (_, claims, disabled) => {
    const inputs = authRole(compileVault(ident({ auth: 'jwt', jwt: { ...JWT.jwt!, claims } }), at(NOW)))!.inputs;
    expect((inputs as { disableBoundClaimsParsing?: boolean }).disableBoundClaimsParsing).toBe(disabled);
  });

  it('a declared userClaim names the entity', () => {
    const out = compileVault(ident({ auth: 'jwt', jwt: { ...JWT.jwt!, userClaim: 'project_path' } }), at(NOW));
    expect(authRole(out)?.inputs).toMatchObject({ userClaim: 'project_path' });
  });

  it('no claims: no boundClaims at all (vault/jwt rules report the unpinned role)', () => {
    const { claims: _, ...bare } = JWT.jwt!;
    const inputs = authRole(compileVault(ident({ auth: 'jwt', jwt: bare }), at(NOW)))!.inputs;
    expect(inputs).not.toHaveProperty('boundClaims');
    expect(inputs).not.toHaveProperty('boundClaimsType');
  });

  it('auth: jwt without a jwt block binds nothing, and never falls back to an AppRole', () => {
    const out = compileVault(ident({ auth: 'jwt' }), at(NOW));
    expect(out.map((r) => r.type)).toEqual(['vault:index/policy:Policy']);
  });
});

describe('auth: aws', () => {
  it("binds the identity's own role ARN (path /idac/<team>/), iam auth type", () => {
    expect(authRole(compileVault(ident({ auth: 'aws', aws: { mount: 'aws' } }), at(NOW)))).toEqual({
      type: 'vault:aws/authBackendRole:AuthBackendRole',
      name: 'ledger-ci.vault.auth-role',
      identity: 'ledger-ci',
      team: 'payments',
      provider: 'vault',
      inputs: {
        backend: 'aws',
        role: 'ledger-ci',
        authType: 'iam',
        boundIamPrincipalArns: ['arn:aws:iam::123456789012:role/idac/payments/ledger-ci'],
        ...TOKEN,
      },
    });
  });

  it.each<[string, (m: MachineIdentity) => MachineIdentity]>([
    ['no aws block', (m) => ({ ...m, spec: { ...m.spec, access: { ...m.spec.access, vault: { auth: 'aws' } } } })],
    [
      'an IAM user (no role to bind)',
      (m) => ({
        ...m,
        spec: { ...m.spec, access: { ...m.spec.access, aws: { ...m.spec.access.aws!, principal: 'user' } } },
      }),
    ],
    [
      'no AWS access at all',
      (m) => {
        const { aws: _, ...access } = m.spec.access;
        return { ...m, spec: { ...m.spec, access } };
      },
    ],
  ])('%s: no auth role', (_, change) => {
    const out = compileVault(change(ident({ auth: 'aws', aws: { mount: 'aws' } })), at(NOW));
    expect(authRole(out)).toBeUndefined();
    expect(out.some((r) => r.type.startsWith('vault:appRole'))).toBe(false);
  });
});

describe('auth: cert', () => {
  const CERT: VaultAccess = {
    auth: 'cert',
    cert: { mount: 'cert', ca: 'factory-ca' },
    certificates: [
      { mount: 'pki', commonNames: ['press-17.plant.example.com', 'press-17.payments.svc.cluster.local'], ttl: '30d' },
      { mount: 'pki-edge', commonNames: ['press-17.plant.example.com'], ttl: '7d' },
    ],
  };

  it('admits exactly the certificate names (deduplicated, sorted) under the CA read at the edge', () => {
    expect(authRole(compileVault(ident(CERT), { ...at(NOW), certificateAuthorities: CAS }))).toEqual({
      type: 'vault:index/certAuthBackendRole:CertAuthBackendRole',
      name: 'ledger-ci.vault.auth-role',
      identity: 'ledger-ci',
      team: 'payments',
      provider: 'vault',
      inputs: {
        backend: 'cert',
        name: 'ledger-ci',
        certificate: PEM,
        allowedCommonNames: ['press-17.payments.svc.cluster.local', 'press-17.plant.example.com'],
        tokenPolicies: ['idac-ledger-ci'],
        tokenTtl: 3600,
        tokenMaxTtl: 3600,
      },
    });
  });

  it.each([
    ['no CAs were read', undefined],
    ['another CA was read', new Map([['other-ca', PEM]])],
  ])('%s: a visible placeholder, never a crash or another PEM', (_, cas) => {
    const ctx = { ...at(NOW), ...(cas ? { certificateAuthorities: cas } : {}) };
    expect(authRole(compileVault(ident(CERT), ctx))?.inputs).toMatchObject({
      certificate: 'unknown-certificate-authority/factory-ca',
    });
    expect(unknownCertificateAuthority('factory-ca')).not.toMatch(/BEGIN/);
  });

  it('no certificate names: no role (it would admit every certificate the CA signed)', () => {
    const { certificates: _, ...bare } = CERT;
    const out = compileVault(ident(bare), { ...at(NOW), certificateAuthorities: CAS });
    expect(authRole(out)).toBeUndefined();
  });

  it('auth: cert without a cert block binds nothing', () => {
    const { cert: _, ...bare } = CERT;
    expect(authRole(compileVault(ident(bare), { ...at(NOW), certificateAuthorities: CAS }))).toBeUndefined();
  });
});

describe('lifecycle of the federated auth roles', () => {
  const each = [
    ['jwt', JWT],
    ['aws', { auth: 'aws', aws: { mount: 'aws' } }],
    [
      'cert',
      {
        auth: 'cert',
        cert: { mount: 'cert', ca: 'factory-ca' },
        certificates: [{ mount: 'pki', commonNames: ['press-17.plant.example.com'], ttl: '30d' }],
      },
    ],
  ] as const satisfies readonly (readonly [string, VaultAccess])[];

  it.each(each)('%s suspended: the role stays, hands out no policy, not even default', (_, vault) => {
    const ctx = { ...at(NOW), certificateAuthorities: CAS };
    const active = authRole(compileVault(ident(vault), ctx))!;
    const suspended = authRole(compileVault(ident(vault, { status: 'suspended' }), ctx))!;
    expect(suspended.type).toBe(active.type);
    expect(suspended.inputs).toEqual({ ...active.inputs, tokenPolicies: [], tokenNoDefaultPolicy: true });
  });

  it.each(each)('%s decommissioned: nothing', (_, vault) => {
    expect(compileVault(ident(vault, { status: 'decommissioned' }), at(NOW))).toEqual([]);
  });

  it.each(each)('%s: no static credential, so no secret-id and no delivery', (_, vault) => {
    const out = compileVault(ident(vault), { ...at(NOW), certificateAuthorities: CAS });
    expect(out.map((r) => r.type).filter((t) => !t.startsWith('vault:index/policy'))).toHaveLength(
      vault.auth === 'cert' ? 2 : 1, // cert: the auth role and the PKI role
    );
  });
});

describe('a Roles Anywhere trust ties into the PKI role', () => {
  const CERTS: VaultAccess = {
    auth: 'cert',
    cert: { mount: 'cert', ca: 'factory-ca' },
    certificates: [
      { mount: 'pki-devices', commonNames: ['press-17.plant.example.com'], ttl: '30d' },
      { mount: 'pki', commonNames: ['press-17.payments.svc.cluster.local'], ttl: '30d' },
    ],
  };
  const withTrust = (...entries: { commonName: string; organizationalUnit?: string }[]): MachineIdentity => {
    const data = ident(CERTS);
    const aws = data.spec.access.aws!;
    return {
      ...data,
      spec: {
        ...data.spec,
        access: {
          ...data.spec.access,
          aws: { ...aws, trust: { rolesAnywhere: entries.map((e) => ({ trustAnchor: 'factory-ca', ...e })) } },
        },
      },
    };
  };
  const units = (data: MachineIdentity): [string, unknown][] =>
    compileVault(data, { ...at(NOW), certificateAuthorities: CAS })
      .filter((r) => r.type === 'vault:pkiSecret/secretBackendRole:SecretBackendRole')
      .map((r) => [r.name, (r.inputs as { organizationUnit?: string[] }).organizationUnit]);

  it.each<[string, MachineIdentity, [string, unknown][]]>([
    [
      'the OU the trust pins goes on the certificates of the mount that issues its CN, only there',
      withTrust({ commonName: 'press-17.plant.example.com', organizationalUnit: 'presses' }),
      [
        ['ledger-ci.vault.pki.pki', undefined],
        ['ledger-ci.vault.pki.pki-devices', ['presses']],
      ],
    ],
    [
      'no OU pinned, none set',
      withTrust({ commonName: 'press-17.plant.example.com' }),
      [
        ['ledger-ci.vault.pki.pki', undefined],
        ['ledger-ci.vault.pki.pki-devices', undefined],
      ],
    ],
    [
      'two OUs for one name: none set (no single entry asks for a subject with both)',
      withTrust(
        { commonName: 'press-17.plant.example.com', organizationalUnit: 'presses' },
        { commonName: 'press-17.plant.example.com', organizationalUnit: 'lines' },
      ),
      [
        ['ledger-ci.vault.pki.pki', undefined],
        ['ledger-ci.vault.pki.pki-devices', undefined],
      ],
    ],
  ])('%s', (_why, data, expected) => {
    expect(units(data)).toEqual(expected);
  });
});
