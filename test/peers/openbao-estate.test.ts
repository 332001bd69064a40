// The Vault estate reader against a real OpenBao: a realistic estate (test/peers/vault-estate.ts) is
// dumped live over the HTTP API (fetchVaultDump) and with scripts/vault-export.sh driving the bao
// CLI; both dumps are the same JSON and read to the same estate, with exact expectations; no token,
// role id or secret id appears in any output; refusals (a bad token, no address, a server that is
// down) say so without the token.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultEstate } from '../../src/features/estate/read/vault-dump.js';
import { readVaultLive } from '../../src/features/estate/read/vault-live.js';
import type { Estate } from '../../src/features/estate/types.js';
import { fetchVaultDump } from '../../src/io/vault-api.js';
import { OPENBAO_SKIP, baoBinary, startOpenBao, startOpenBaoTls, type OpenBao, type OpenBaoTls } from './openbao.js';
import { freePort, needPeer } from './peers.js';
import { compileVault } from '../../src/compile/vault.js';
import { ACME_ORG, at } from '../compile/aws-fixture.js';
import { dumpOf, emptyDump, NOW, ORG, ROUND_TRIP, vaultView } from '../estate/vault-fixture.js';
import { buildVaultEstate, loadDump, mutateVaultEstate, type VaultEstate } from './vault-estate.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/vault-export.sh', import.meta.url));
const CTX = { org: null, now: Date.parse('2026-12-01T00:00:00Z') };

const bin = baoBinary();
let bao: OpenBao | null = null;
let made: VaultEstate = { secrets: [] };

beforeAll(async () => {
  if (bin === null) return;
  bao = await startOpenBao(bin);
  made = await buildVaultEstate(bao);
});
afterAll(async () => bao?.stop());

function env(over: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, VAULT_ADDR: bao!.address, VAULT_TOKEN: bao!.token, ...over };
}

function script(over: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', [SCRIPT], { env: { ...env(over), VAULT_CLI: bin! }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectNoSecret(text: string): void {
  for (const s of made.secrets) expect(text).not.toContain(s);
}

function estateOf(dump: unknown): Estate {
  const r = vaultEstate(dump, CTX, 'dump');
  if (!r.ok) throw new Error(r.diagnostics[0]!.summary);
  return r.value;
}

describe('OpenBao estate: live and scripted dumps', () => {
  it('dumps the same JSON both ways, without a secret, and reads it exactly', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const live = await fetchVaultDump(env());
    expect(live.ok).toBe(true);
    if (!live.ok) return;
    const scripted = script();
    expect(scripted.stderr).toBe('');
    expect(scripted.status).toBe(0);
    expectNoSecret(JSON.stringify(live.value));
    expectNoSecret(scripted.stdout);
    expect(JSON.parse(scripted.stdout)).toEqual(live.value);
    // Byte-stable: a second run of the script writes the same bytes.
    expect(script().stdout).toBe(scripted.stdout);

    const estate = estateOf(live.value);
    expect(estateOf(JSON.parse(scripted.stdout))).toEqual(estate);
    const read = await readVaultLive(CTX, env());
    expect(read.ok && read.value).toEqual({ ...estate, scope: bao!.address });
    expectNoSecret(JSON.stringify(estate));
    expectEstate(estate);
  });

  it('sees a console edit, a new orphan role and a deleted role, the same both ways', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    await mutateVaultEstate(bao!);
    const live = await fetchVaultDump(env());
    const scripted = script();
    expect(scripted.status).toBe(0);
    if (!live.ok) throw new Error(live.diagnostics[0]!.summary);
    expect(JSON.parse(scripted.stdout)).toEqual(live.value);
    const estate = estateOf(live.value);
    const ids = estate.identities.map((i) => i.id);
    expect(ids).toContain('vault:auth/approle/role/shadow-bot');
    expect(ids).not.toContain('vault:auth/kubernetes/role/reports');
    const exporter = estate.identities.find((i) => i.name === 'report-export')!;
    expect(exporter.access.vault?.paths).toEqual([
      { path: 'kv/data/reports/*', capabilities: ['read', 'list', 'update'] },
    ]);
    expect(estate.identities.find((i) => i.name === 'shadow-bot')!.access).toEqual({
      vault: {
        auth: 'approle',
        paths: [{ path: '*', capabilities: ['create', 'read', 'update', 'delete', 'list', 'sudo'] }],
      },
    });
    expectNoSecret(scripted.stdout + scripted.stderr + JSON.stringify(live.value));
  });
});

/** The read-only policy docs/import.md gives for the script and --live. */
const READER = `path "sys/policies/acl"   { capabilities = ["list"] }
path "sys/policies/acl/*" { capabilities = ["read"] }
path "sys/auth"           { capabilities = ["read"] }
path "auth/+/role/*"      { capabilities = ["list", "read"] }
path "auth/+/+/role/*"    { capabilities = ["list", "read"] }
`;

describe('OpenBao estate: the documented read-only policy is enough', () => {
  it('dumps the same both ways with a token holding only that policy', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    await bao!.api('PUT', 'sys/policies/acl/idac-estate-reader', { policy: READER });
    const made = (await bao!.api('POST', 'auth/token/create', { policies: ['idac-estate-reader'], ttl: '10m' })) as {
      auth: { client_token: string };
    };
    const token = made.auth.client_token;
    const asRoot = await fetchVaultDump(env());
    const live = await fetchVaultDump(env({ VAULT_TOKEN: token }));
    const scripted = script({ VAULT_TOKEN: token });
    expect(scripted.stderr).toBe('');
    if (!live.ok || !asRoot.ok) throw new Error('the live read failed');
    expect(live.value).toEqual(asRoot.value);
    expect(JSON.parse(scripted.stdout)).toEqual(asRoot.value);
    expect(scripted.stdout + JSON.stringify(live.value)).not.toContain(token);
    await bao!.api('DELETE', 'sys/policies/acl/idac-estate-reader');
  });
});

describe('OpenBao estate: refusals without the token', () => {
  it('a token without rights: 403 from the live read, the script exits 1', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const bad = 'not-a-real-token-0123';
    const live = await fetchVaultDump(env({ VAULT_TOKEN: bad }));
    expect(live.ok).toBe(false);
    if (!live.ok) {
      expect(live.diagnostics.map((d) => d.summary)).toEqual([
        `Vault at ${bao!.address} refused sys/policies/acl (403): the token needs list and read on ` +
          'sys/policies/acl, read on sys/auth, and list and read on auth/<mount>/role',
      ]);
    }
    const r = script({ VAULT_TOKEN: bad });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^vault-export: listing policies failed: .*403/s);
    for (const text of [JSON.stringify(live), r.stderr]) {
      expect(text).not.toContain(bad);
      expectNoSecret(text);
    }
  });

  it.each([
    [{ VAULT_ADDR: '' }, 'VAULT_ADDR is not set: export the address of the Vault to read (https://vault.example:8200)'],
    [{ VAULT_TOKEN: '' }, 'VAULT_TOKEN is not set: export a token that may list and read policies and auth roles'],
    [{ VAULT_ADDR: 'vault.example' }, 'VAULT_ADDR is not a URL: vault.example'],
    [{ VAULT_CACERT: '/nonexistent/ca.pem' }, 'VAULT_CACERT cannot be read: /nonexistent/ca.pem'],
  ])('%j', async (over, message) => {
    const r = await fetchVaultDump({ VAULT_ADDR: 'http://127.0.0.1:1', VAULT_TOKEN: 'secret-token', ...over });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.summary)).toEqual([message]);
  });

  it('a server that is down', async () => {
    const port = await freePort();
    const r = await fetchVaultDump({ VAULT_ADDR: `http://127.0.0.1:${port}`, VAULT_TOKEN: 'secret-token' });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.summary)).toEqual([
      `Vault at http://127.0.0.1:${port} could not be reached (ECONNREFUSED) reading sys/policies/acl`,
    ]);
  });
});

/** The estate vault-estate.ts builds, exactly. */
function expectEstate(estate: Estate): void {
  const rw = (...c: string[]) => c;
  expect(
    estate.identities.map((i) => ({
      id: i.id,
      access: i.access,
      notExpressible: i.notExpressible.map((n) => `${n.source}: ${n.statement}`),
      live: i.live,
    })),
  ).toEqual([
    {
      id: 'vault:auth/approle/role/legacy-sync',
      access: { vault: { auth: 'approle', paths: [{ path: 'kv/data/payments/*', capabilities: rw('read', 'list') }] } },
      notExpressible: [
        'auth role auth/approle/role/legacy-sync: gone',
        'auth role auth/approle/role/legacy-sync: {"token_bound_cidrs":["10.1.0.0/16"]}',
        'auth role auth/approle/role/legacy-sync: {"bind_secret_id":false}',
      ],
      live: { policies: ['gone', 'payments-read'] },
    },
    {
      id: 'vault:auth/approle/role/nightly-batch',
      access: {
        vault: {
          auth: 'approle',
          paths: [
            { path: 'kv/data/batch/*', capabilities: rw('read', 'list') },
            { path: 'kv/data/batch/*', capabilities: rw('deny') },
            { path: 'kv/data/batch/config', capabilities: rw('deny') },
          ],
        },
      },
      notExpressible: [
        'policy batch-wrapped: path "kv/data/batch/*" {\n  capabilities = ["read"]\n  min_wrapping_ttl = "1m"\n}',
        'policy batch-wrapped: path "kv/data/batch/config" {\n  capabilities = ["read"]\n' +
          '  denied_parameters = { "version" = [] }\n}',
      ],
      live: { policies: ['batch-read', 'batch-wrapped'] },
    },
    {
      id: 'vault:auth/approle/role/report-export',
      access: { vault: { auth: 'approle', paths: [{ path: 'kv/data/reports/*', capabilities: rw('read') }] } },
      notExpressible: ['auth role auth/approle/role/report-export: {"token_period":86400}'],
      live: { policies: ['reports-read'] },
    },
    {
      id: 'vault:auth/jwt-gitlab/role/ledger-ci',
      access: {
        vault: {
          auth: 'jwt',
          jwt: {
            mount: 'jwt-gitlab',
            audience: 'https://vault.acme.example',
            claims: { project_path: 'acme/ledger', ref: ['main', 'release'] },
          },
          paths: [{ path: 'kv/data/payments/*', capabilities: rw('read', 'list') }],
        },
      },
      notExpressible: [],
      live: { policies: ['payments-read'] },
    },
    {
      id: 'vault:auth/k8s/edge/role/gateway',
      access: {
        vault: {
          auth: 'kubernetes',
          paths: [
            { path: 'pki/issue/edge', capabilities: rw('create', 'read', 'update', 'delete', 'list') },
            { path: 'kv/data/edge/*', capabilities: rw('read') },
            { path: 'kv/metadata/edge/*', capabilities: rw('list') },
          ],
        },
        kubernetes: { cluster: 'k8s-edge', namespace: 'edge', serviceAccount: 'gateway' },
      },
      notExpressible: [],
      live: { policies: ['edge-certs', 'edge-json'] },
    },
    {
      id: 'vault:auth/kubernetes/role/everyone',
      access: { vault: { auth: 'kubernetes', paths: [{ path: 'kv/data/reports/*', capabilities: rw('read') }] } },
      notExpressible: [
        'auth role auth/kubernetes/role/everyone: ' +
          '{"bound_service_account_names":["*"],"bound_service_account_namespaces":["payments","analytics"]}',
      ],
      live: { policies: ['reports-read'] },
    },
    {
      id: 'vault:auth/kubernetes/role/ledger',
      access: {
        vault: {
          auth: 'kubernetes',
          paths: [
            { path: 'transit/encrypt/ledger', capabilities: rw('update') },
            { path: 'kv/data/payments/admin/*', capabilities: rw('deny') },
            { path: 'kv/data/payments/*', capabilities: rw('read', 'list') },
            { path: 'kv/data/payments/*', capabilities: rw('create', 'update') },
            { path: 'kv/data/payments/ledger', capabilities: rw('deny') },
          ],
        },
        kubernetes: { cluster: 'kubernetes', namespace: 'payments', serviceAccount: 'ledger' },
      },
      notExpressible: [
        'policy payments-write: path "kv/data/payments/ledger" {\n  capabilities = ["update"]\n' +
          '  allowed_parameters = {\n    "amount" = []\n  }\n}',
      ],
      live: { policies: ['ledger-transit', 'payments-no-admin', 'payments-read', 'payments-write'] },
    },
    {
      id: 'vault:auth/kubernetes/role/ops-tool',
      access: {
        vault: {
          auth: 'kubernetes',
          paths: [{ path: '*', capabilities: rw('create', 'read', 'update', 'delete', 'list', 'sudo') }],
        },
        kubernetes: { cluster: 'kubernetes', namespace: 'ops', serviceAccount: 'ops-tool' },
      },
      notExpressible: ['auth role auth/kubernetes/role/ops-tool: {"token_bound_cidrs":["10.0.0.0/8"]}'],
      live: { policies: ['ops-admin'] },
    },
    {
      id: 'vault:auth/kubernetes/role/reports',
      access: {
        vault: {
          auth: 'kubernetes',
          paths: [
            { path: 'kv/data/users/{{identity.entity.name}}/*', capabilities: rw('read', 'update') },
            { path: 'kv/data/reports/*', capabilities: rw('read') },
          ],
        },
        kubernetes: { cluster: 'kubernetes', namespace: 'analytics', serviceAccount: 'reports' },
      },
      notExpressible: [],
      live: { policies: ['own-entity', 'reports-read'] },
    },
  ]);
  expect(estate.org).toEqual({
    kubernetes: { 'k8s-edge': { vaultAuthMount: 'k8s/edge' }, kubernetes: {} },
    vault: { auth: { 'jwt-gitlab': 'jwt' } },
  });
  expect(estate.warnings).toEqual(['policies bound to no Kubernetes, AppRole or JWT role (not imported): unused']);
}

describe('OpenBao estate over TLS', () => {
  let tls: OpenBaoTls | null = null;
  let dir = '';
  afterAll(async () => {
    await tls?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('trusts VAULT_CACERT, refuses an unknown CA, and VAULT_SKIP_VERIFY skips the check', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    dir = mkdtempSync(join(tmpdir(), 'idac-vault-tls-'));
    tls = await startOpenBaoTls(bin!, dir);
    const base = { VAULT_ADDR: tls.address, VAULT_TOKEN: tls.token };
    const trusted = await fetchVaultDump({ ...base, VAULT_CACERT: join(dir, 'vault-ca.pem') });
    expect(trusted.ok && Object.keys((trusted.value as { auth: object }).auth)).toEqual(['token']);
    const unknown = await fetchVaultDump(base);
    expect(unknown.ok ? [] : unknown.diagnostics.map((d) => d.summary)).toEqual([
      `Vault at ${tls.address} presented a certificate that is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE) ` +
        'reading sys/policies/acl: set VAULT_CACERT to its CA file',
    ]);
    const skipped = await fetchVaultDump({ ...base, VAULT_SKIP_VERIFY: 'true' });
    expect(skipped).toEqual(trusted);
  });
});

describe('round trip through a real server: what idac compiles, applied, reads back as the manifest', () => {
  let fresh: OpenBao | null = null;
  afterAll(async () => fresh?.stop());

  it('for the acme Vault identities and variations', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    fresh = await startOpenBao(bin!);
    // One server holds them all: the cases on acme's org.yaml (the others move mounts).
    const cases = ROUND_TRIP.filter(([, , org]) => org === undefined).map(([, data]) => data);
    const compiled = at(NOW, ACME_ORG);
    const dump = emptyDump();
    for (const data of cases) dumpOf(compileVault(data, compiled), dump);
    await loadDump(fresh, dump);
    const live = await fetchVaultDump({ VAULT_ADDR: fresh.address, VAULT_TOKEN: fresh.token });
    if (!live.ok) throw new Error(live.diagnostics[0]!.summary);
    const r = vaultEstate(live.value, { org: ORG, now: compiled.now }, 'dump');
    if (!r.ok) throw new Error(r.diagnostics[0]!.summary);
    const byName = new Map(r.value.identities.map((i) => [i.name, i]));
    for (const data of cases) {
      const identity = byName.get(data.metadata.name);
      expect([data.metadata.name, identity?.access, identity?.notExpressible]).toEqual([
        data.metadata.name,
        vaultView(data),
        [],
      ]);
    }
  });
});

describe('OpenBao estate in a namespace', () => {
  it('VAULT_NAMESPACE reads that namespace only, live and scripted alike', async (ctx) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const ns = await startOpenBao(bin!);
    try {
      await ns.api('POST', 'sys/namespaces/team-a', {});
      const inNs = async (method: string, path: string, body?: unknown): Promise<void> => {
        const res = await fetch(`${ns.address}/v1/${path}`, {
          method,
          headers: { 'X-Vault-Token': ns.token, 'X-Vault-Namespace': 'team-a' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status}`);
      };
      await inNs('POST', 'sys/auth/approle', { type: 'approle' });
      await inNs('PUT', 'sys/policies/acl/team-read', { policy: 'path "kv/data/a/*" { capabilities = ["read"] }' });
      await inNs('POST', 'auth/approle/role/team-bot', { token_policies: ['team-read'] });
      const over = { VAULT_ADDR: ns.address, VAULT_TOKEN: ns.token, VAULT_NAMESPACE: 'team-a' };
      const live = await fetchVaultDump(over);
      if (!live.ok) throw new Error(live.diagnostics[0]!.summary);
      const r = spawnSync('bash', [SCRIPT], {
        env: { PATH: process.env.PATH, ...over, VAULT_CLI: bin! },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual(live.value);
      expect(estateOf(live.value).identities.map((i) => [i.id, i.access])).toEqual([
        [
          'vault:auth/approle/role/team-bot',
          { vault: { auth: 'approle', paths: [{ path: 'kv/data/a/*', capabilities: ['read'] }] } },
        ],
      ]);
    } finally {
      await ns.stop();
    }
  });
});
