// idac's Vault access model against a real Vault-compatible server. Generated manifests (a fixed
// seed) are compiled by idac's own compiler into ACL policies, written into OpenBao running in dev
// mode, and a token holding exactly those policies is asked POST /v1/sys/capabilities for generated
// request paths: paths the grants match, near misses (one character or one segment off, no trailing
// slash), other mounts and sys/. who-can (src/features/query/who-can.ts, through vaultDecides) must
// give the same answer for every capability of every path, and the path matcher and overlap test the
// vault/* rules use (src/access/vault-paths.ts) must agree with the server on what one path reaches.
// Where they disagree the server is right (issue 16 item 3).
//
// Two things the comparison accounts for, both from OpenBao's vault/acl.go and vault/policy.go:
// - sys/capabilities evaluates every path as a `list` operation (ACL.Capabilities), so for a request
//   ending in `/` it answers what a list would find; for other requests every operation finds the
//   same deciding path, and each capability is compared on its own.
// - OpenBao has no `subscribe` or `recover` capability (Vault's event subscription and snapshot
//   recovery; OpenBao's policy parser rejects a policy naming them), so the generator leaves them out.

import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { effectiveAccess } from '../../src/access/model.js';
import { vaultDecides } from '../../src/access/vault-acl.js';
import {
  hasMidPathStar,
  isBroadSys,
  isRootGlob,
  SYS_AREAS,
  vaultPathMatches,
  vaultPathRefused,
  vaultPathsOverlap,
} from '../../src/access/vault-paths.js';
import { loadRepository, type LoadedIdentity } from '../../src/check/repository.js';
import { messageOf } from '../../src/common/result.js';
import { parseInstant } from '../../src/common/time.js';
import { compileVault, policyText } from '../../src/compile/vault.js';
import { whoCan } from '../../src/features/query/who-can.js';
import { MemorySource } from '../../src/manifest/memory-source.js';
import { baoBinary, OPENBAO_SKIP, startOpenBao, type OpenBao } from '../peers/openbao.js';
import { needPeer } from '../peers/peers.js';
import { manifest } from '../query/manifest.js';

const NOW = parseInstant('2026-11-23T12:00:00Z')!;
const CAPS = ['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo'] as const;

/** mulberry32: a small deterministic generator, so every run asks the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(0x1d4c16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number): boolean => rnd() < p;

const MOUNTS = ['kv', 'secret', 'kv/team'] as const;
const NAMES = ['app', 'apple', 'ap', 'team', 'config', 'db', 'x', 'a+b', 'a*b'] as const;
// A token from auth/token/create has no entity: Vault drops these paths, whatever the request.
const TEMPLATES = ['{{identity.entity.name}}', '{{identity.entity.id}}'] as const;

/** A policy path: KV v2 data/metadata or sys/, with `+` segments, literal and trailing `*`. */
function policyPath(): string {
  const sys = chance(0.15);
  const segs: string[] = sys
    ? ['sys', pick(['policy', 'policies', 'mounts', 'auth', 'raw', 'plugins', '+', 'p'])]
    : [pick(MOUNTS), pick(['data', 'metadata', 'data', 'data', '+', 'delete'])];
  const depth = Math.floor(rnd() * 3);
  for (let i = 0; i < depth; i++) segs.push(chance(0.25) ? '+' : chance(0.1) ? pick(TEMPLATES) : pick(NAMES));
  let path = segs.join('/');
  const end = rnd();
  if (end < 0.3) path += '/*';
  else if (end < 0.45 && !path.endsWith('+'))
    path += '*'; // `+*` is rejected by Vault's parser
  else if (end < 0.5) path += '/';
  return path;
}

function capabilities(): string[] {
  if (chance(0.12)) return chance(0.5) ? ['deny'] : ['deny', 'read'];
  const caps = CAPS.filter(() => chance(0.35));
  return caps.length > 0 ? caps : ['read'];
}

interface Case {
  name: string;
  base: { path: string; capabilities: string[] }[];
  /** Paths of an active elevation: a second policy on the same token, merged by Vault. */
  elevation: { path: string; capabilities: string[] }[];
}

function generateCase(i: number): Case {
  const base = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => ({
    path: policyPath(),
    capabilities: capabilities(),
  }));
  // Overlaps on purpose: a narrower or equal path next to a broader one, in the same or the other policy.
  const elevation = chance(0.5)
    ? base
        .filter(() => chance(0.4))
        .map((p) => ({ path: chance(0.5) ? p.path : p.path.replace(/\*$/, 'x'), capabilities: capabilities() }))
    : [];
  return { name: `gen-${String(i).padStart(2, '0')}`, base, elevation };
}

function yaml(c: Case): string {
  const list = (ps: Case['base'], indent: string): string =>
    ps.map((p) => `${indent}- path: "${p.path}"\n${indent}  capabilities: [${p.capabilities.join(', ')}]\n`).join('');
  const extra =
    c.elevation.length === 0
      ? ''
      : `  elevations:
    - reason: generated
      approvedBy: c@example.com
      from: 2026-11-23T08:00:00Z
      until: 2026-11-23T16:00:00Z
      access:
        vault:
          paths:
${list(c.elevation, '            ')}`;
  return manifest(c.name, `    vault:\n      auth: kubernetes\n      paths:\n${list(c.base, '        ')}`, { extra });
}

/** Request paths around one policy path: what it matches, and what it just misses. */
function requestsNear(path: string): string[] {
  const stem = path.replace(/\*$/, '');
  const fill = (s: string): string =>
    s
      .split('/')
      .map((seg, i) => (seg === '+' ? ['app', 'team', 'q'][i % 3]! : seg))
      .join('/');
  const base = fill(stem);
  const out = [
    base,
    `${base}x`,
    `${base}/`,
    `${base}/deep/er`,
    base.replace(/\/[^/]*$/, ''),
    base.replace(/.$/, 'Z'),
    `${base.replace(/\/$/, '')}/`,
    base.replace(/^kv\//, 'secret/'),
    base.replace(/\/data\//, '/metadata/'),
  ];
  return out.filter((p) => p !== '' && !p.startsWith('/') && !p.includes('//'));
}

const OTHER = [
  'sys/mounts',
  'sys/mounts/kv',
  'sys/policy/x',
  'sys/policies/acl/x',
  'sys/raw/core',
  'sys/auth',
  'sys/plugins/catalog/x',
  'cubbyhole/x',
  'pki/issue/app',
  'kv/config',
  'kv/data/',
  'kv/metadata/',
  'kv/',
];

const CASES = Array.from({ length: 40 }, (_, i) => generateCase(i));

/** Per case: the requests asked, and the server's capabilities for each. */
type Answers = Map<string, string[]>;

async function serverCapabilities(bao: OpenBao, policies: string[], paths: string[]): Promise<Answers> {
  const created = (await bao.api('POST', 'auth/token/create', {
    policies,
    no_default_policy: true,
    ttl: '10m',
  })) as { auth: { client_token: string } };
  const res = (await bao.api('POST', 'sys/capabilities', {
    token: created.auth.client_token,
    paths,
  })) as Record<string, unknown>;
  return new Map(paths.map((p) => [p, [...((res[p] as string[] | undefined) ?? ['deny'])].sort()]));
}

/** Writes the identity's policies as idac compiles them (src/compile/vault.ts) into the server; their names. */
async function writePolicies(server: OpenBao, id: LoadedIdentity): Promise<string[]> {
  const names: string[] = [];
  for (const r of compileVault(id.data, { now: NOW, org: null })) {
    if (r.type !== 'vault:index/policy:Policy') continue;
    const { name, policy } = r.inputs;
    if (typeof name !== 'string' || typeof policy !== 'string') throw new Error(`unexpected policy ${r.name}`);
    await server.api('PUT', `sys/policies/acl/${name}`, { policy });
    names.push(name);
  }
  return names;
}

/** What who-can answers for each capability, shaped like sys/capabilities (`deny` when nothing). */
function idacCapabilities(id: LoadedIdentity, path: string): string[] {
  const ask = (capability: string): boolean =>
    whoCan([id], { target: 'vault', path, capability }, NOW, iamCatalog).length > 0;
  const caps = path.endsWith('/') ? asList(id, path, ask('list')) : CAPS.filter(ask);
  return caps.length > 0 ? [...caps].sort() : ['deny'];
}

/**
 * sys/capabilities' reading of a request ending in `/`: the capabilities of the path that decides a
 * list of it (who-can gives the list itself; the access model names the deciding path).
 */
function asList(id: LoadedIdentity, path: string, list: boolean): string[] {
  const rules = effectiveAccess(id.data, NOW, iamCatalog)
    .grants.filter((g) => g.target === 'vault')
    .map((g) => ({ path: g.vaultPath, capability: g.capability, ref: g }));
  const decided = vaultDecides(rules, path, 'list');
  if (decided.path === null || (!decided.allowed && decided.reason === 'denied')) return [];
  const on = new Set(rules.filter((r) => r.path === decided.path).map((r) => r.capability));
  expect(on.has('list')).toBe(list);
  return CAPS.filter((c) => on.has(c));
}

describe('Vault ACL model against a real OpenBao server (bao server -dev)', () => {
  const bin = baoBinary();
  let bao: OpenBao | null = null;
  let identities: LoadedIdentity[] = [];

  beforeAll(async () => {
    if (bin === null) return;
    bao = await startOpenBao(bin);
    const read = await loadRepository(
      new MemorySource(Object.fromEntries(CASES.map((c) => [`identities/tm/${c.name}.yaml`, yaml(c)]))),
    );
    if (!read.ok) throw new Error(messageOf(read));
    expect(read.value.skipped).toEqual([]);
    identities = read.value.identities;
  });

  // Always stops the server, also after a failed assertion or a failed start.
  afterAll(async () => {
    await bao?.stop();
  });

  const name = bin === null ? ` (skipped: ${OPENBAO_SKIP})` : '';

  it(`who-can gives the server's capabilities on every generated path${name}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const server = bao!;
    const disagreements: string[] = [];
    let asked = 0;
    for (const id of identities) {
      const c = CASES.find((x) => x.name === id.data.metadata.name)!;
      const compiled = await writePolicies(server, id);
      const requests = [...new Set([...[...c.base, ...c.elevation].flatMap((p) => requestsNear(p.path)), ...OTHER])];
      const answers = await serverCapabilities(server, compiled, requests);
      for (const [path, want] of answers) {
        asked++;
        const got = idacCapabilities(id, path);
        if (got.join(',') !== want.join(','))
          disagreements.push(`${c.name} ${path}: server ${want.join(',')}, idac ${got.join(',')}`);
      }
    }
    expect(asked).toBeGreaterThanOrEqual(500);
    expect(disagreements).toEqual([]);
  });

  it(`templated paths are filled in from the token's entity, as the server does${name}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const server = bao!;
    // An entity with a name, metadata and an alias on a userpass mount; a login as the alias gives
    // a token of that entity holding the compiled policies.
    await server.api('POST', 'sys/auth/userpass', { type: 'userpass' });
    const mounts = (await server.api('GET', 'sys/auth')) as { data: Record<string, { accessor: string }> };
    const accessor = mounts.data['userpass/']!.accessor;
    const entity = (await server.api('POST', 'identity/entity', {
      name: 'app-one',
      metadata: { team: 'payments' },
    })) as { data: { id: string } };
    await server.api('POST', 'identity/entity-alias', {
      name: 'svc',
      canonical_id: entity.data.id,
      mount_accessor: accessor,
    });
    const values = new Map([
      ['identity.entity.name', 'app-one'],
      ['identity.entity.id', entity.data.id],
      ['identity.entity.metadata.team', 'payments'],
      [`identity.entity.aliases.${accessor}.name`, 'svc'],
    ]);
    const templates = [
      '{{identity.entity.name}}',
      '{{identity.entity.id}}',
      '{{identity.entity.metadata.team}}',
      `{{identity.entity.aliases.${accessor}.name}}`,
      // No such metadata key, no group: the path grants nothing.
      '{{identity.entity.metadata.missing}}',
      '{{identity.groups.names.ops.id}}',
    ];
    const paths = [
      ...templates.flatMap((t, i) => [
        { path: `kv/data/${t}/*`, capabilities: ['read', 'list'] },
        { path: `kv/metadata/+/${t}`, capabilities: [i % 2 === 0 ? 'delete' : 'update'] },
      ]),
      { path: 'kv/data/app-one/secret', capabilities: ['deny'] },
      { path: 'kv/data/+/*', capabilities: ['create'] },
    ];
    const c: Case = { name: 'templated', base: paths, elevation: [] };
    const read = await loadRepository(new MemorySource({ 'identities/tm/templated.yaml': yaml(c) }));
    if (!read.ok) throw new Error(messageOf(read));
    const id = read.value.identities[0]!;
    const policies = await writePolicies(server, id);
    await server.api('POST', 'auth/userpass/users/svc', {
      password: 'not-a-secret',
      token_policies: policies,
      token_no_default_policy: true,
    });
    const login = (await server.api('POST', 'auth/userpass/login/svc', { password: 'not-a-secret' })) as {
      auth: { client_token: string };
    };
    const filled = [...values.values(), 'missing', 'ops', 'other'];
    const requests = [
      ...filled.flatMap((v) => [`kv/data/${v}/x`, `kv/data/${v}`, `kv/metadata/a/${v}`, `kv/data/${v}x/y`]),
      ...templates.flatMap((t) => [`kv/data/${t}/x`, `kv/metadata/a/${t}`]),
      'kv/data/app-one/secret',
    ];
    const res = (await server.api('POST', 'sys/capabilities', {
      token: login.auth.client_token,
      paths: requests,
    })) as Record<string, string[]>;
    const rules = effectiveAccess(id.data, NOW, iamCatalog)
      .grants.filter((g) => g.target === 'vault')
      .map((g) => ({ path: g.vaultPath, capability: g.capability, ref: g }));
    const disagreements: string[] = [];
    for (const path of requests) {
      const want = [...res[path]!].sort().join(',');
      const caps = CAPS.filter((cap) => vaultDecides(rules, path, cap, values).allowed);
      const got = caps.length > 0 ? [...caps].sort().join(',') : 'deny';
      if (got !== want) disagreements.push(`${path}: server ${want}, idac ${got}`);
    }
    expect(disagreements).toEqual([]);
    // Not vacuous: the filled-in name reads its own folder; the template as written is an ordinary
    // segment that only `kv/data/+/*` matches.
    expect(res['kv/data/app-one/x']).toEqual(['list', 'read']);
    expect(res['kv/data/{{identity.entity.name}}/x']).toEqual(['create']);
  });

  it(`a policy path reaches what the server says, sys/ areas included${name}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const server = bao!;
    const areaSamples = [
      'sys/policy/x',
      'sys/policies/acl/x',
      'sys/policies/egp/x',
      'sys/auth',
      'sys/auth/userpass/tune',
      'sys/mounts',
      'sys/mounts/kv/tune',
      'sys/remount',
      'sys/audit',
      'sys/audit/file',
      'sys/raw/core/x',
      'sys/plugins/catalog/secret/x',
      'sys/generate-root/attempt',
      'sys/rekey/init',
      'sys/rotate',
      'sys/seal',
      'sys/step-down',
      'sys/leases/revoke-prefix/aws/',
      'sys/leases/revoke-prefix/aws',
      'sys/revoke-force/x',
    ];
    const sysPaths = [
      'sys/*',
      'sys/p*',
      'sys/+/x',
      'sys/+/*',
      'sys/policies/+/x',
      'sys/mounts*',
      'sys/re*',
      '+/+',
      's*',
    ];
    const patterns = [...new Set([...CASES.flatMap((c) => c.base.map((p) => p.path)), ...sysPaths])].filter(
      (p) => !p.includes('{{'),
    );
    const disagreements: string[] = [];
    let asked = 0;
    let reached = 0;
    const checked = { overmatch: 0, midStar: 0, severalAreas: 0 };
    for (const [i, pattern] of patterns.entries()) {
      await server.api('PUT', `sys/policies/acl/one-${i}`, {
        policy: policyText([{ path: pattern, capabilities: ['read'] }], []),
      });
      // What vault/glob-overmatch says a string-prefix glob also matches, and what vault/glob-mid-path
      // says a `*` inside the path does not match.
      const stem = pattern.slice(0, -1);
      const overmatch = /[^/]\*$/.test(pattern) ? [`${stem}-other`, `${stem}x/y`] : [];
      const literalStar = hasMidPathStar(pattern) && !/(^|\/)\+(\/|$)/.test(pattern) && !pattern.endsWith('*');
      const midStar = literalStar ? [pattern.replace('*', 'x')] : [];
      // sys/capabilities reads a trailing `/` as a list would (see above); the matcher reads it as given.
      const requests = [
        ...new Set([...requestsNear(pattern), ...OTHER, ...areaSamples, ...overmatch, ...midStar]),
      ].filter((r) => !r.endsWith('/'));
      const answers = await serverCapabilities(server, [`one-${i}`], requests);
      const labels = new Set<string>();
      if (overmatch.length > 0) checked.overmatch++;
      if (midStar.length > 0) checked.midStar++;
      for (const [request, caps] of answers) {
        asked++;
        const allowed = caps.includes('read');
        if (allowed !== vaultPathMatches(pattern, request))
          disagreements.push(`${pattern} ${request}: server ${allowed}, vaultPathMatches ${!allowed}`);
        if (overmatch.includes(request) && !allowed) disagreements.push(`${pattern} does not reach ${request}`);
        if (midStar.includes(request) && allowed) disagreements.push(`${pattern} reaches ${request}`);
        if (!allowed) continue;
        // Whatever the server lets this one path reach in a sys/ area, the area's rule must see.
        for (const area of SYS_AREAS) {
          const hit = area.paths.filter((a) => vaultPathMatches(a, request));
          if (hit.length === 0) continue;
          reached++;
          labels.add(area.label);
          for (const a of hit)
            if (!vaultPathsOverlap(pattern, a))
              disagreements.push(`${pattern} reaches ${request}, overlap(${a}) false`);
        }
      }
      // vault/no-sys-path reports a path reaching several sys/ families (the others leave it to it).
      if (labels.size > 1) checked.severalAreas++;
      if (labels.size > 1 && !isBroadSys(pattern) && !isRootGlob(pattern))
        disagreements.push(`${pattern} reaches ${[...labels].join(', ')} but is not broad sys/`);
    }
    expect(asked).toBeGreaterThanOrEqual(500);
    expect(reached).toBeGreaterThan(0);
    // The paths the server refuses to hold at all, by vaultPathRefused.
    const refusals: string[] = [];
    for (const [i, path] of ['kv/+*', 'kv/a+*', '+*', 'kv/+*/x', 'kv/x+*y', 'kv/+/*', 'kv/a+b*', 'kv/*+'].entries()) {
      let written = true;
      try {
        await server.api('PUT', `sys/policies/acl/refused-${i}`, {
          policy: policyText([{ path, capabilities: ['read'] }], []),
        });
      } catch (e) {
        if (!String(e).includes("'+*' is forbidden")) throw e;
        written = false;
      }
      if (written !== (vaultPathRefused(path) === null)) refusals.push(`${path}: written ${written}`);
    }
    expect(refusals).toEqual([]);
    expect(Object.values(checked).every((n) => n > 0)).toBe(true);
    expect(disagreements).toEqual([]);
  });

  it(`a real LIST of x/ decides as sys/capabilities and idac do${name}`, async (ctx: TestContext) => {
    needPeer(ctx, bin, OPENBAO_SKIP);
    const server = bao!;
    await server.api('POST', 'sys/mounts/kvl', { type: 'kv', options: { version: '2' } });
    await server.api('POST', 'kvl/data/app/x', { data: { k: 'v' } });
    const cases = [
      // Nothing matches `kvl/metadata/app/` as written, so the `+` path matching `kvl/metadata/app` decides.
      { paths: { 'kvl/metadata/+': ['list'] }, allowed: true },
      // `kvl/metadata/app/*` matches as written and decides first: it holds no list.
      { paths: { 'kvl/metadata/+': ['list'], 'kvl/metadata/app/*': ['read'] }, allowed: false },
    ];
    for (const [i, c] of cases.entries()) {
      const entries = Object.entries(c.paths).map(([path, capabilities]) => ({ path, capabilities }));
      await server.api('PUT', `sys/policies/acl/list-${i}`, { policy: policyText(entries, []) });
      const created = (await server.api('POST', 'auth/token/create', {
        policies: [`list-${i}`],
        no_default_policy: true,
      })) as { auth: { client_token: string } };
      const res = await fetch(`${server.address}/v1/kvl/metadata/app/`, {
        method: 'LIST',
        headers: { 'X-Vault-Token': created.auth.client_token },
      });
      expect(res.status).toBe(c.allowed ? 200 : 403);
      const rules = entries.flatMap((e) => e.capabilities.map((capability) => ({ path: e.path, capability, ref: e })));
      expect(vaultDecides(rules, 'kvl/metadata/app/', 'list').allowed).toBe(c.allowed);
    }
  });
});
