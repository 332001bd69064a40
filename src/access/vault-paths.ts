// Vault policy path globs as Vault itself reads them (THREATS.md A6, vault/policy.go and acl.go):
// a `*` that is the last character makes the path a string-prefix match (`kv/data/pay*` matches
// `kv/data/payments/x`); a segment that is exactly `+` matches any one segment; every other
// character, including a `*` or `+` inside a segment, is literal. Paths are case-sensitive.
//
// Containment is decided on these patterns, not on sample strings: `path` lies within `boundary`
// when every concrete request path `path` can match is also matched by `boundary`. Consequences
// worth knowing: `kv/data/payments/*` matches `kv/data/payments/` and below, but neither
// `kv/data/payments` (no trailing slash) nor `kv/data/paymentsX`; a boundary without a glob allows
// exactly that one path.

import type { EffectiveAccess } from './model.js';
import type { Path } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { parseDateTime } from '../common/time.js';

export interface VaultPattern {
  /** Split on `/`; when `prefix`, the last segment is a literal prefix of the request's segment. */
  segments: readonly string[];
  /** The path ended in `*` (stripped from the last segment). */
  prefix: boolean;
}

const ANY_SEGMENT = '+';

export function parseVaultPath(path: string): VaultPattern {
  const prefix = path.endsWith('*');
  return { segments: (prefix ? path.slice(0, -1) : path).split('/'), prefix };
}

/** Whether the policy path `pattern` grants the concrete request path `request`. */
export function vaultPathMatches(pattern: string, request: string): boolean {
  const p = parseVaultPath(pattern);
  const r = request.split('/');
  const n = p.segments.length;
  if (p.prefix ? r.length < n : r.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const seg = p.segments[i]!;
    const last = i === n - 1;
    if (last && p.prefix) {
      // The glob may swallow `/`, so everything after the last segment's prefix is free.
      if (!r[i]!.startsWith(seg)) return false;
    } else if (seg !== ANY_SEGMENT && seg !== r[i]) return false;
  }
  return true;
}

/** Whether every request path that `path` matches is matched by `boundary` (a subset test on globs). */
export function vaultPathWithin(path: string, boundary: string): boolean {
  const a = parseVaultPath(path);
  const b = parseVaultPath(boundary);
  const n = a.segments.length;
  const k = b.segments.length;
  // A prefix glob reaches paths of any depth; an exact boundary only reaches one depth.
  if (a.prefix && !b.prefix) return false;
  if (b.prefix ? n < k : n !== k) return false;
  for (let i = 0; i < k; i++) {
    const as = a.segments[i]!;
    const bs = b.segments[i]!;
    const aIsPrefix = a.prefix && i === n - 1;
    if (b.prefix && i === k - 1) {
      // The boundary's glob segment: each request segment here must start with `bs`.
      if (bs === '') continue;
      if (as === ANY_SEGMENT && !aIsPrefix) return false;
      if (!as.startsWith(bs)) return false;
      continue;
    }
    if (bs === ANY_SEGMENT && !aIsPrefix) continue;
    // From here `a`'s segment must be one fixed literal equal to the boundary's. A prefix segment
    // of `a` can only occur at i === n - 1 < k - 1 when n < k, which was excluded above.
    if (aIsPrefix || as === ANY_SEGMENT || as !== bs) return false;
  }
  return true;
}

/** The longest declared mount that `path` lies under (`<mount>/…`), or null. */
export function vaultMount(path: string, mounts: Iterable<string>): string | null {
  let best: string | null = null;
  for (const m of mounts) {
    if (path.startsWith(`${m}/`) && (best === null || m.length > best.length)) best = m;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Overlap between two policy paths, for the vault/* privilege rules: "does this grant reach any
// endpoint of that dangerous family?" is an intersection test, not containment (`sys/*` reaches
// `sys/policy/x` without lying inside `sys/policy/*`). Both are modelled as a sequence of segment
// constraints — a segment equals a text, or starts with it (`+` starts with "") — that is either
// closed (exactly that many segments) or open (a trailing `*`: any further segments). The
// intersection of two such shapes is again one, which keeps every test exact.

interface Segment {
  text: string;
  exact: boolean;
}

interface Shape {
  segs: readonly Segment[];
  open: boolean;
}

// Shapes and answers per path string: every vault/* rule asks about the same few paths of each
// identity, and the same sys/ areas, so parsing once keeps the family cheap per file.
const shapes = new Map<string, Shape>();
const broad = new Map<string, boolean>();

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 10_000) cache.clear(); // bounded: paths are per identity, areas are few
    v = compute();
    cache.set(key, v);
  }
  return v;
}

function shapeOf(path: string): Shape {
  return remember(shapes, path, () => computeShape(path));
}

function computeShape(path: string): Shape {
  const p = parseVaultPath(path);
  const n = p.segments.length;
  return {
    segs: p.segments.map((s, i) =>
      p.prefix && i === n - 1
        ? { text: s, exact: false }
        : s === ANY_SEGMENT
          ? { text: '', exact: false }
          : { text: s, exact: true },
    ),
    open: p.prefix,
  };
}

function meetSegment(a: Segment, b: Segment): Segment | null {
  if (a.exact && b.exact) return a.text === b.text ? a : null;
  if (a.exact) return a.text.startsWith(b.text) ? a : null;
  if (b.exact) return b.text.startsWith(a.text) ? b : null;
  if (a.text.startsWith(b.text)) return a;
  return b.text.startsWith(a.text) ? b : null;
}

function meet(a: Shape, b: Shape): Shape | null {
  const [short, long] = a.segs.length <= b.segs.length ? [a, b] : [b, a];
  // A closed shape only matches its own length: the other must reach exactly that length.
  if (!short.open && short.segs.length !== long.segs.length) return null;
  const segs: Segment[] = [];
  for (let i = 0; i < long.segs.length; i++) {
    const s = i < short.segs.length ? meetSegment(short.segs[i]!, long.segs[i]!) : long.segs[i]!;
    if (s === null) return null;
    segs.push(s);
  }
  return { segs, open: short.open && long.open };
}

function segmentWithin(a: Segment, b: Segment): boolean {
  if (b.exact) return a.exact && a.text === b.text;
  return a.text.startsWith(b.text);
}

function shapeWithin(a: Shape, b: Shape): boolean {
  const n = a.segs.length;
  const k = b.segs.length;
  if (a.open && !b.open) return false;
  if (b.open ? k > n : k !== n) return false;
  for (let i = 0; i < k; i++) if (!segmentWithin(a.segs[i]!, b.segs[i]!)) return false;
  return true;
}

/** Whether some concrete request path is matched by both policy paths. */
export function vaultPathsOverlap(a: string, b: string): boolean {
  return meet(shapeOf(a), shapeOf(b)) !== null;
}

/**
 * Whether `path` reaches `area` only inside `within`: every request path matched by both `path`
 * and `area` is also matched by `within` (true when they do not overlap at all). The foreign
 * secret-id rule asks it as "does this grant reach secret-ids of roles other than my own?".
 */
export function vaultOverlapWithin(path: string, area: string, within: string): boolean {
  const m = meet(shapeOf(path), shapeOf(area));
  return m === null || shapeWithin(m, shapeOf(within));
}

// ---------------------------------------------------------------------------------------------
// The identity's policy as the vault/* privilege rules read it.

/** Capabilities that change something at the path (`recover` writes a snapshot's data back). */
export const VAULT_WRITE: ReadonlySet<string> = new Set(['create', 'update', 'patch', 'delete', 'recover']);

/** Every Vault capability that grants something (`deny` only takes away), in the docs' order. */
export const VAULT_CAPABILITIES = [
  'create',
  'read',
  'update',
  'patch',
  'delete',
  'list',
  'sudo',
  'subscribe',
  'recover',
] as const;

/** Every capability that grants something (all but `deny`). */
export const VAULT_ANY: ReadonlySet<string> = new Set(VAULT_CAPABILITIES);

/** One `paths[]` item in force at `now` (spec.access or an active elevation) and what it grants. */
export interface VaultPolicyPath {
  path: string;
  /** Data path of the `path` value. */
  at: Path;
  elevation: number | null;
  capabilities: { capability: string; at: Path }[];
}

const policyPathCache = new WeakMap<EffectiveAccess, readonly VaultPolicyPath[]>();

/**
 * The Vault policy paths in force at `now`, from the effective-access model (so active elevations
 * count and inactive ones do not). Left out: certificate issue paths (idac writes those for the
 * identity's own PKI role), and every path some entry denies, since `deny` on a path wins over
 * every other capability on that same path, whichever policy holds it.
 */
export function vaultPolicyPaths(access: EffectiveAccess): readonly VaultPolicyPath[] {
  // Every vault/* rule asks for the same identity in turn; the model is not changed after it is built.
  const cached = policyPathCache.get(access);
  if (cached) return cached;
  const byKey = new Map<string, VaultPolicyPath>();
  for (const g of access.grants) {
    if (g.target !== 'vault' || g.path[g.path.length - 2] !== 'capabilities') continue;
    const at = [...g.path.slice(0, -2), 'path'];
    const key = JSON.stringify(at);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { path: g.vaultPath, at, elevation: g.elevation, capabilities: [] }));
    entry.capabilities.push({ capability: g.capability, at: g.path });
  }
  const entries = [...byKey.values()];
  const denied = new Set(entries.filter((e) => e.capabilities.some((c) => c.capability === 'deny')).map((e) => e.path));
  const out = entries.filter((e) => !denied.has(e.path));
  policyPathCache.set(access, out);
  return out;
}

/** `*`, `+/*`, `+/+/*`…: every path of every mount below some depth, sys/ included. */
export function isRootGlob(path: string): boolean {
  return /^(\+\/)*\*$/.test(path);
}

/** sys/ families with a rule of their own (vault/no-sys-path names them when a path reaches several). */
export const SYS_AREAS: readonly { rule: string; label: string; paths: readonly string[] }[] = [
  {
    rule: 'vault/no-policy-write',
    label: 'ACL policies',
    paths: ['sys/policy/*', 'sys/policies/acl/*', 'sys/policies/egp/*', 'sys/policies/rgp/*'],
  },
  { rule: 'vault/no-auth-management', label: 'auth methods', paths: ['sys/auth', 'sys/auth/*'] },
  {
    rule: 'vault/no-mount-management',
    label: 'secrets engine mounts',
    paths: ['sys/mounts', 'sys/mounts/*', 'sys/remount', 'sys/remount/*'],
  },
  { rule: 'vault/no-audit-change', label: 'audit devices', paths: ['sys/audit', 'sys/audit/*'] },
  { rule: 'vault/no-raw-storage', label: 'raw storage', paths: ['sys/raw', 'sys/raw/*'] },
  {
    rule: 'vault/no-plugin-registration',
    label: 'the plugin catalog',
    paths: ['sys/plugins/catalog', 'sys/plugins/catalog/*', 'sys/plugins/runtimes/catalog/*'],
  },
  {
    rule: 'vault/no-root-generation',
    label: 'root token generation, rekey, seal and step-down',
    paths: [
      'sys/generate-root*',
      'sys/generate-recovery-token*',
      'sys/rekey*',
      'sys/rotate',
      'sys/rotate/*',
      'sys/seal',
      'sys/step-down',
    ],
  },
  {
    rule: 'vault/no-lease-revoke-prefix',
    label: 'mass lease revocation',
    paths: ['sys/leases/revoke-prefix/*', 'sys/leases/revoke-force/*', 'sys/revoke-prefix/*', 'sys/revoke-force/*'],
  },
];

export function sysArea(rule: string): readonly string[] {
  const area = SYS_AREAS.find((a) => a.rule === rule);
  if (!area) throw new Error(`internal: no sys area for ${rule}`);
  return area.paths;
}

/** Labels of the sys/ families `path` reaches. */
export function sysAreasReached(path: string): string[] {
  return SYS_AREAS.filter((a) => a.paths.some((p) => vaultPathsOverlap(path, p))).map((a) => a.label);
}

/**
 * Broad sys/ access: the path reaches the system backend without naming one family below it
 * (`sys`, `sys/`, `sys/*`, `sys/+/…`, `s*`, `+/+`), or reaches more than one family with a rule of
 * its own (`sys/p*`: policies and plugins). Root globs are not counted here: vault/no-root-glob
 * reports them.
 */
export function isBroadSys(path: string): boolean {
  return remember(broad, path, () => computeBroadSys(path));
}

function computeBroadSys(path: string): boolean {
  if (isRootGlob(path) || !(vaultPathsOverlap(path, 'sys') || vaultPathsOverlap(path, 'sys/*'))) return false;
  const s = shapeOf(path).segs;
  const second = s[1];
  if (second === undefined || second.text === '') return true;
  return sysAreasReached(path).length > 1;
}

/**
 * Policy paths that reach `area` (one of its paths, or a test of their own) with one of `caps`,
 * with those capabilities. A root glob or broad sys/ path is left to vault/no-root-glob and
 * vault/no-sys-path, which report it once instead of once per family it reaches.
 */
export function reaching(
  paths: readonly VaultPolicyPath[],
  area: readonly string[] | ((path: string) => boolean),
  caps: ReadonlySet<string>,
): { entry: VaultPolicyPath; capabilities: string[] }[] {
  const reaches = typeof area === 'function' ? area : (path: string) => area.some((a) => vaultPathsOverlap(path, a));
  const out: { entry: VaultPolicyPath; capabilities: string[] }[] = [];
  for (const entry of paths) {
    if (isRootGlob(entry.path) || isBroadSys(entry.path) || !reaches(entry.path)) continue;
    const capabilities = [...new Set(entry.capabilities.map((c) => c.capability).filter((c) => caps.has(c)))];
    if (capabilities.length > 0) out.push({ entry, capabilities });
  }
  return out;
}

/** A Vault policy path as written: spec.access, or an elevation that has not ended yet. */
export interface DeclaredVaultPath {
  path: string;
  at: Path;
  elevation: number | null;
}

/**
 * For rules about how a path is written (globs, KV v2 layout, templates): an elevation is checked
 * before its window opens, so a path that grants nothing is caught in the pull request that adds
 * it, not on the day it is needed; one that has ended is inert and left alone.
 */
export function declaredVaultPaths(data: MachineIdentity, now: number): DeclaredVaultPath[] {
  const out: DeclaredVaultPath[] = [];
  (data.spec.access.vault?.paths ?? []).forEach((p, i) =>
    out.push({ path: p.path, at: ['spec', 'access', 'vault', 'paths', i, 'path'], elevation: null }),
  );
  (data.spec.elevations ?? []).forEach((e, j) => {
    const until = parseDateTime(e.until);
    if (until === null || until <= now) return;
    (e.access.vault?.paths ?? []).forEach((p, i) =>
      out.push({ path: p.path, at: ['spec', 'elevations', j, 'access', 'vault', 'paths', i, 'path'], elevation: j }),
    );
  });
  return out;
}

/**
 * Why Vault refuses a policy holding `path`, or null: a `+` directly before a `*` anywhere in the
 * path ("invalid use of wildcards ('+*' is forbidden)", policy.go parsePaths in Vault and OpenBao;
 * checked against OpenBao 2.7.2 by test/access/vault-openbao.test.ts). Such a policy fails to apply
 * as a whole, so `kv/+*` is not a broad glob but no policy at all.
 */
export function vaultPathRefused(path: string): string | null {
  return path.includes('+*') ? "'+*' is forbidden: Vault refuses the whole policy" : null;
}

/** Whether `path` has a `*` before its last character, which Vault reads as a literal `*`. */
export function hasMidPathStar(path: string): boolean {
  const i = path.indexOf('*');
  return i >= 0 && i < path.length - 1;
}

/**
 * vault/no-token-create's reading of one policy path, shared with vault/no-sudo so that a sudo
 * on auth/token/create is reported once. Orphan tokens and tokens from a token role are dangerous
 * by path (reported at the path); auth/token/create is dangerous through its sudo (reported at the
 * sudo capability): only with sudo may a token create tokens with policies outside its own, or
 * orphans. Capabilities on the same path string merge across entries, as they do in Vault.
 */
export function tokenCreateRisk(
  entry: VaultPolicyPath,
  all: readonly VaultPolicyPath[],
): { at: 'path' | 'sudo'; capabilities: string[]; reached: string[] } | null {
  if (isRootGlob(entry.path) || isBroadSys(entry.path)) return null;
  const own = new Set(entry.capabilities.map((c) => c.capability));
  const writes = ['create', 'update'].filter((c) => own.has(c));
  const reached = ['auth/token/create-orphan', 'auth/token/create/*'].filter((a) => vaultPathsOverlap(entry.path, a));
  if (writes.length > 0 && reached.length > 0) return { at: 'path', capabilities: writes, reached };
  if (!own.has('sudo') || !vaultPathsOverlap(entry.path, 'auth/token/create')) return null;
  const merged = new Set(
    all.filter((e) => e.path === entry.path).flatMap((e) => e.capabilities.map((c) => c.capability)),
  );
  const mergedWrites = ['create', 'update'].filter((c) => merged.has(c));
  return mergedWrites.length > 0 ? { at: 'sudo', capabilities: mergedWrites, reached: ['auth/token/create'] } : null;
}

/**
 * The `auth/<mount>/role` prefixes under which `path` may reach an auth method's roles. Auth
 * mounts may be nested (auth/kubernetes/prod-eu/role/x), but reading a `+` or a glob in the path
 * as the `role` keyword of a deeper mount would make every path below auth/ reach "roles"; so a
 * mount deeper than one segment counts only where the path itself spells `role` at that depth.
 * `keyword` names another endpoint kept the same way (cert auth keeps its roles under `certs`).
 */
export function authRolePrefixes(path: string, keyword = 'role'): string[] {
  const p = parseVaultPath(path);
  const out = [`auth/+/${keyword}`];
  for (let k = 2; k + 1 < p.segments.length; k++) {
    const spelled = p.segments[k + 1] === keyword && !(p.prefix && k + 1 === p.segments.length - 1);
    if (spelled) out.push(`auth/${'+/'.repeat(k)}${keyword}`);
  }
  return out;
}
