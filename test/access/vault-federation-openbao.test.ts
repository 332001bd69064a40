// Vault's federated logins as idac compiles them, against a real OpenBao dev server (issue 17 item 4).
// Each manifest is loaded by idac's loader and compiled by idac's compiler; its policies and its auth
// role are written into the server exactly as compiled (the Pulumi inputs mapped mechanically to
// the API's fields, as the provider sends them); then real logins are tried:
// - JWT: tokens signed by a key made here (node:crypto, ES256), GitLab- and GitHub-shaped. The
//   intended token gets a Vault token holding exactly the identity's policies; a token for another
//   project or repository, another ref, another audience, an expired one, or one signed by another
//   key is refused.
// - cert: `bao server -dev -dev-tls`, client certificates issued by the server's own PKI mounts. The
//   intended common name logs in; another name from the same CA, and the intended name from
//   another CA, are refused.
// OpenBao ships no AWS auth method (it became an external plugin), so auth: aws is tested by compile
// and under mocks only. Nothing here prints a response: a login answer holds a token.

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { certificateAuthorityPems, readCertificateAuthorities } from '../../src/check/certificate-authorities.js';
import { parseInstant } from '../../src/common/time.js';
import type { DesiredResource } from '../../src/compile/types.js';
import { compileVault } from '../../src/compile/vault.js';
import { loadText } from '../../src/manifest/load.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { MemorySource } from '../../src/manifest/memory-source.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { baoBinary, OPENBAO_SKIP, startOpenBao, startOpenBaoTls } from '../peers/openbao.js';
import type { ClientCert, OpenBao, OpenBaoTls } from '../peers/openbao.js';
import { needPeer } from '../peers/peers.js';
import { manifest } from '../query/manifest.js';

const NOW = parseInstant('2026-11-23T12:00:00Z')!;

function load(name: string, vault: string): MachineIdentity {
  const loaded = loadText(
    manifest(
      name,
      `    vault:\n${vault}      paths:\n        - { path: "kv/data/tm/${name}/*", capabilities: [read] }\n`,
    ),
    { expect: 'MachineIdentity', fast: false },
  );
  if (!loaded.valid) throw new Error(`${name} does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.data as MachineIdentity;
}

/** Pulumi input (camelCase) → Vault API field (snake_case): the provider's own mapping, mechanically. */
const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Where each auth role is written, and which inputs name it (part of the path, not the body). */
const ROLE_PATHS: Partial<
  Record<DesiredResource['type'], { keys: string[]; path: (i: Record<string, string>) => string }>
> = {
  'vault:jwt/authBackendRole:AuthBackendRole': {
    keys: ['backend', 'roleName'],
    path: (i) => `auth/${i.backend}/role/${i.roleName}`,
  },
  'vault:index/certAuthBackendRole:CertAuthBackendRole': {
    keys: ['backend', 'name'],
    path: (i) => `auth/${i.backend}/certs/${i.name}`,
  },
};

/**
 * The role's API request as the provider makes it: every input under its snake_case name, except
 * that bound_claims values are comma-separated lists the provider splits (its documented behaviour
 * unless disableBoundClaimsParsing is set).
 */
function roleRequest(r: DesiredResource): { path: string; body: Record<string, unknown> } {
  const where = ROLE_PATHS[r.type];
  if (!where) throw new Error(`no API mapping for ${r.type}`);
  const inputs = r.inputs as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (where.keys.includes(k)) continue;
    body[snake(k)] =
      k === 'boundClaims' && inputs.disableBoundClaimsParsing !== true
        ? Object.fromEntries(Object.entries(v as Record<string, string>).map(([c, s]) => [c, s.split(',')]))
        : v;
  }
  return { path: where.path(inputs as Record<string, string>), body };
}

/** Writes the identity's compiled policies and auth role; returns the auth role. */
async function writeCompiled(server: Pick<OpenBao, 'api'>, compiled: DesiredResource[]): Promise<DesiredResource> {
  let role: DesiredResource | undefined;
  for (const r of compiled) {
    if (r.type === 'vault:index/policy:Policy') {
      await server.api('PUT', `sys/policies/acl/${r.inputs.name as string}`, { policy: r.inputs.policy });
    } else if (r.name.endsWith('.vault.auth-role')) {
      const { path, body } = roleRequest(r);
      await server.api('POST', path, body);
      role = r;
    }
  }
  if (!role) throw new Error('no auth role compiled');
  return role;
}

/** A login's outcome with the token left out: the HTTP status and, when admitted, the token's policies and ttl. */
interface Outcome {
  status: number;
  policies: string[] | null;
  ttl?: number;
}

function outcome(status: number, body: unknown): Outcome {
  const auth = (body as { auth?: { policies?: string[]; lease_duration?: number } } | null)?.auth;
  if (!auth?.policies) return { status, policies: null };
  return { status, policies: [...auth.policies].sort(), ttl: auth.lease_duration ?? -1 };
}

/** What idac's role should hand out: its token policies (plus Vault's `default` unless switched off), for its ttl. */
function expected(role: DesiredResource): Outcome {
  const inputs = role.inputs as { tokenPolicies: string[]; tokenNoDefaultPolicy?: boolean; tokenTtl: number };
  const policies = [...inputs.tokenPolicies, ...(inputs.tokenNoDefaultPolicy === true ? [] : ['default'])].sort();
  return { status: 200, policies, ttl: inputs.tokenTtl };
}

const REFUSED = { status: expect.any(Number) as unknown as number, policies: null };

// ---------------------------------------------------------------- JWT

const GITLAB_ISSUER = 'https://gitlab.example.com';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

function es256(): { privateKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A compact JWS (ES256) over the claims, valid from a minute ago for ten minutes unless they say otherwise. */
function jwt(key: KeyObject, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = { iat: now - 60, nbf: now - 60, exp: now + 600, ...claims };
  const signed = `${part({ alg: 'ES256', typ: 'JWT' })}.${part(payload)}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** GitLab CI's ID token for a pipeline of `project` on `ref` (docs.gitlab.com, "ID token authentication"). */
function gitlabToken(project: string, ref: string, aud = 'https://vault.example.com'): Record<string, unknown> {
  return {
    iss: GITLAB_ISSUER,
    aud,
    sub: `project_path:${project}:ref_type:branch:ref:${ref}`,
    namespace_path: project.split('/')[0],
    project_path: project,
    ref,
    ref_type: 'branch',
    ref_protected: 'true',
    pipeline_source: 'push',
  };
}

/** GitHub Actions' OIDC token for a workflow of `repository` on `ref`. */
function githubToken(repository: string, ref: string, aud = 'https://github.com/acme'): Record<string, unknown> {
  return {
    iss: GITHUB_ISSUER,
    aud,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_owner: repository.split('/')[0],
    ref,
    event_name: 'push',
  };
}

const GITLAB = load(
  'ledger-ci',
  `      auth: jwt
      jwt:
        mount: jwt-gitlab
        audience: "https://vault.example.com"
        claims: { project_path: acme/ledger, ref: main, ref_type: branch }
`,
);
const GITHUB = load(
  'ledger-release',
  `      auth: jwt
      jwt:
        mount: jwt-github
        audience: "https://github.com/acme"
        claims: { repository: acme/ledger, ref: [refs/heads/main, "refs/tags/v*"] }
`,
);

describe('Vault JWT auth as idac compiles it, against a real OpenBao server', () => {
  const bin = baoBinary();
  let bao: OpenBao | null = null;
  const key = es256();
  const stranger = es256();
  const roles = new Map<string, DesiredResource>();

  beforeAll(async () => {
    if (bin === null) return;
    bao = await startOpenBao(bin);
    for (const [mount, issuer] of [
      ['jwt-gitlab', GITLAB_ISSUER],
      ['jwt-github', GITHUB_ISSUER],
    ] as const) {
      await bao.api('POST', `sys/auth/${mount}`, { type: 'jwt' });
      await bao.api('POST', `auth/${mount}/config`, { jwt_validation_pubkeys: [key.publicPem], bound_issuer: issuer });
    }
    for (const id of [GITLAB, GITHUB]) {
      const compiled = compileVault(id, { now: NOW, org: null });
      roles.set(id.metadata.name, await writeCompiled(bao, compiled));
    }
  });

  afterAll(async () => {
    await bao?.stop();
  });

  const skipped = bin === null ? ` (skipped: ${OPENBAO_SKIP})` : '';

  async function login(mount: string, role: string, token: string): Promise<Outcome> {
    const res = await fetch(`${bao!.address}/v1/auth/${mount}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role, jwt: token }),
    });
    return outcome(res.status, await res.json().catch(() => null));
  }

  it(`writes the claims as declared, matched exactly unless a value globs${skipped}`, (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    expect(roleRequest(roles.get('ledger-ci')!).body).toMatchObject({
      bound_claims: { project_path: ['acme/ledger'], ref: ['main'], ref_type: ['branch'] },
      bound_claims_type: 'string',
    });
    expect(roleRequest(roles.get('ledger-release')!).body).toMatchObject({
      bound_claims: { ref: ['refs/heads/main', 'refs/tags/v*'], repository: ['acme/ledger'] },
      bound_claims_type: 'glob',
    });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const gitlabCases: [string, 'admitted' | 'refused', () => string][] = [
    ['the pipeline of acme/ledger on main', 'admitted', () => jwt(key.privateKey, gitlabToken('acme/ledger', 'main'))],
    ['another project', 'refused', () => jwt(key.privateKey, gitlabToken('acme/ledger-fork', 'main'))],
    [
      'a project whose path only starts the same',
      'refused',
      () => jwt(key.privateKey, gitlabToken('acme/ledger/sub', 'main')),
    ],
    ['another ref', 'refused', () => jwt(key.privateKey, gitlabToken('acme/ledger', 'feature'))],
    [
      'another audience',
      'refused',
      () => jwt(key.privateKey, gitlabToken('acme/ledger', 'main', 'https://other.example.com')),
    ],
    [
      'an expired token',
      'refused',
      () =>
        jwt(key.privateKey, {
          ...gitlabToken('acme/ledger', 'main'),
          iat: now() - 7200,
          nbf: now() - 7200,
          exp: now() - 3600,
        }),
    ],
    ['a token signed by another key', 'refused', () => jwt(stranger.privateKey, gitlabToken('acme/ledger', 'main'))],
    [
      'a token from another issuer',
      'refused',
      () => jwt(key.privateKey, { ...gitlabToken('acme/ledger', 'main'), iss: 'https://gitlab.evil.example' }),
    ],
  ];

  it.each(gitlabCases)(`GitLab-shaped: %s is %s${skipped}`, async (_, want, token, ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const got = await login('jwt-gitlab', 'ledger-ci', token());
    expect(got).toEqual(want === 'admitted' ? expected(roles.get('ledger-ci')!) : REFUSED);
  });

  const githubCases: [string, 'admitted' | 'refused', () => string][] = [
    [
      'acme/ledger on refs/heads/main',
      'admitted',
      () => jwt(key.privateKey, githubToken('acme/ledger', 'refs/heads/main')),
    ],
    [
      'acme/ledger on a release tag',
      'admitted',
      () => jwt(key.privateKey, githubToken('acme/ledger', 'refs/tags/v1.4.0')),
    ],
    ['acme/ledger on another tag', 'refused', () => jwt(key.privateKey, githubToken('acme/ledger', 'refs/tags/x1'))],
    ['acme/ledger on a branch', 'refused', () => jwt(key.privateKey, githubToken('acme/ledger', 'refs/heads/feature'))],
    [
      'another repository on main',
      'refused',
      () => jwt(key.privateKey, githubToken('acme/ledgers', 'refs/heads/main')),
    ],
    [
      'another audience',
      'refused',
      () => jwt(key.privateKey, githubToken('acme/ledger', 'refs/heads/main', 'https://github.com/evil')),
    ],
  ];

  it.each(githubCases)(`GitHub-shaped: %s is %s${skipped}`, async (_, want, token, ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const got = await login('jwt-github', 'ledger-release', token());
    expect(got).toEqual(want === 'admitted' ? expected(roles.get('ledger-release')!) : REFUSED);
  });

  it(`suspended: the intended token still logs in and gets no policy at all${skipped}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const suspended: MachineIdentity = {
      ...GITLAB,
      metadata: { name: 'ledger-paused' },
      spec: { ...GITLAB.spec, status: 'suspended' },
    };
    const role = await writeCompiled(bao!, compileVault(suspended, { now: NOW, org: null }));
    const got = await login('jwt-gitlab', 'ledger-paused', jwt(key.privateKey, gitlabToken('acme/ledger', 'main')));
    expect(expected(role)).toEqual({ status: 200, policies: [], ttl: 3600 });
    // OpenBao answers a login without policies with a token that holds none, or refuses it: either way nothing.
    expect(got.policies ?? []).toEqual([]);
  });
});

// ---------------------------------------------------------------- cert

/** A client certificate for `cn` from the PKI mount `pki` of the server (role `client`). */
async function issue(server: OpenBaoTls, pki: string, cn: string): Promise<ClientCert> {
  const res = (await server.api('POST', `${pki}/issue/client`, { common_name: cn, ttl: '1h' })) as {
    data: { certificate: string; private_key: string };
  };
  return { cert: res.data.certificate, key: res.data.private_key };
}

/** A PKI mount with a fresh root CA and a role that issues client certificates for any name; the CA's PEM. */
async function pkiMount(server: OpenBaoTls, pki: string, caName: string): Promise<string> {
  await server.api('POST', `sys/mounts/${pki}`, { type: 'pki', config: { max_lease_ttl: '24h' } });
  const root = (await server.api('POST', `${pki}/root/generate/internal`, { common_name: caName, ttl: '24h' })) as {
    data: { certificate: string };
  };
  await server.api('POST', `${pki}/roles/client`, {
    allow_any_name: true,
    enforce_hostnames: false,
    client_flag: true,
    server_flag: false,
    max_ttl: '1h',
  });
  return root.data.certificate;
}

const DEVICE = load(
  'press-17',
  `      auth: cert
      cert: { mount: cert-devices, ca: factory-ca }
      certificates:
        - { mount: pki, commonNames: [press-17.plant.example.com], ttl: 30d }
`,
);

describe('Vault cert auth as idac compiles it, against a real OpenBao server over TLS (-dev-tls)', () => {
  const bin = baoBinary();
  let bao: OpenBaoTls | null = null;
  let dir = '';
  let role: DesiredResource | null = null;
  const certs = new Map<string, ClientCert>();

  beforeAll(async () => {
    if (bin === null) return;
    dir = await mkdtemp(join(tmpdir(), 'idac-bao-tls-'));
    bao = await startOpenBaoTls(bin, dir);
    const factoryCa = await pkiMount(bao, 'pki-factory', 'factory-ca');
    await pkiMount(bao, 'pki-other', 'other-ca');
    await bao.api('POST', 'sys/auth/cert-devices', { type: 'cert' });
    // The CA reaches compile as in validate, plan and apply: org.yaml names its file, the edge reads it.
    const org = {
      spec: { teams: {}, targets: { vault: { certificateAuthorities: { 'factory-ca': 'pki/factory-ca.pem' } } } },
    } as unknown as Organization;
    const read = await readCertificateAuthorities(new MemorySource({ 'pki/factory-ca.pem': factoryCa }), org);
    const compiled = compileVault(DEVICE, {
      now: NOW,
      org: null,
      certificateAuthorities: certificateAuthorityPems(read),
    });
    role = await writeCompiled(bao, compiled);
    certs.set('intended', await issue(bao, 'pki-factory', 'press-17.plant.example.com'));
    certs.set('neighbour', await issue(bao, 'pki-factory', 'press-18.plant.example.com'));
    certs.set('suffix', await issue(bao, 'pki-factory', 'x.press-17.plant.example.com'));
    certs.set('other CA', await issue(bao, 'pki-other', 'press-17.plant.example.com'));
  });

  afterAll(async () => {
    await bao?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  const skipped = bin === null ? ` (skipped: ${OPENBAO_SKIP})` : '';

  async function login(client: ClientCert | undefined): Promise<Outcome> {
    const res = await bao!.call('POST', 'auth/cert-devices/login', {
      body: { name: 'press-17' },
      token: null,
      ...(client ? { client } : {}),
    });
    return outcome(res.status, res.body);
  }

  it(`the intended common name logs in and gets exactly idac's policies${skipped}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const got = await login(certs.get('intended'));
    expect(got).toEqual(expected(role!));
    expect(got.policies).toContain('idac-press-17');
  });

  it.each([
    ['another common name from the same CA', 'neighbour'],
    ['a name under the intended one', 'suffix'],
    ['the intended name from another CA', 'other CA'],
    ['no client certificate', 'none'],
  ])(`%s is refused${skipped}`, async (_, which, ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    expect(await login(certs.get(which))).toEqual(REFUSED);
  });
});
