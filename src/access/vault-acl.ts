// Which of an identity's Vault policy paths decides a request, and does it allow the capability?
// Vault's ACL (vault/acl.go AllowOperation, vault/policy.go; docs "Policies: priority matching"):
//
// - Every policy the token holds is merged into one ACL: the capabilities of the same path string
//   are united, whichever policy or elevation wrote them.
// - One path decides, never several: a path without glob or `+` that equals the request exactly
//   wins (for `list`, also the request without its trailing `/`); otherwise, among the paths that
//   match — a trailing `*` is a string prefix, a `+` segment any one segment — the most specific:
//   the one whose first `+` or `*` comes later; then one without the trailing `*`; then fewer `+`
//   segments; then the longer; then the lexicographically greater. So a narrower path that omits a
//   capability takes it away from a broader one.
// - `deny` on the deciding path refuses every capability, `sudo` included.

export interface VaultRule<T> {
  /** The policy path as written: `kv/data/app/*`, `kv/+/config`, `pki/issue/app`. */
  path: string;
  capability: string;
  /** What the caller wants back for the rules that allow (a grant, its place in the manifest). */
  ref: T;
}

export type VaultDecision<T> =
  | { allowed: true; path: string; by: T[] }
  | { allowed: false; path: string | null; reason: 'no-path' | 'denied' | 'missing-capability' };

interface Candidate {
  path: string;
  firstWildcard: number;
  prefix: boolean;
  plusSegments: number;
  /** The path without its trailing `*`. */
  stem: string;
}

export function vaultDecides<T>(rules: readonly VaultRule<T>[], request: string, capability: string): VaultDecision<T> {
  const paths = [...new Set(rules.map((r) => r.path))];
  const path =
    exactPath(paths, request, capability) ?? mostSpecific(paths.map(candidate).filter((c) => matches(c, request)));
  if (path === null) return { allowed: false, path: null, reason: 'no-path' };
  const on = rules.filter((r) => r.path === path);
  if (on.some((r) => r.capability === 'deny')) return { allowed: false, path, reason: 'denied' };
  const by = on.filter((r) => r.capability === capability).map((r) => r.ref);
  return by.length > 0 ? { allowed: true, path, by } : { allowed: false, path, reason: 'missing-capability' };
}

/** The paths Vault keeps in its exact-match tree: no `+` anywhere, no trailing `*`. */
function isExact(path: string): boolean {
  return !path.includes('+') && !path.endsWith('*');
}

function exactPath(paths: readonly string[], request: string, capability: string): string | null {
  const exact = paths.filter(isExact);
  if (exact.includes(request)) return request;
  const trimmed = request.endsWith('/') ? request.slice(0, -1) : null;
  return capability === 'list' && trimmed !== null && exact.includes(trimmed) ? trimmed : null;
}

function candidate(path: string): Candidate {
  const prefix = path.endsWith('*');
  const stem = prefix ? path.slice(0, -1) : path;
  const plus = path.indexOf('+');
  return {
    path,
    prefix,
    stem,
    firstWildcard: plus >= 0 ? plus : stem.length,
    plusSegments: stem.split('/').filter((s) => s === '+').length,
  };
}

function matches(c: Candidate, request: string): boolean {
  if (isExact(c.path)) return false;
  if (!c.path.includes('+')) return request.startsWith(c.stem);
  const want = c.stem.split('/');
  const got = request.split('/');
  if (c.prefix ? got.length < want.length : got.length !== want.length) return false;
  return want.every(
    (seg, i) => seg === '+' || seg === got[i] || (c.prefix && i === want.length - 1 && got[i]!.startsWith(seg)),
  );
}

/** Vault's priority order, highest last. */
function lower(a: Candidate, b: Candidate): number {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard - b.firstWildcard;
  if (a.prefix !== b.prefix) return a.prefix ? -1 : 1;
  if (a.plusSegments !== b.plusSegments) return b.plusSegments - a.plusSegments;
  if (a.stem.length !== b.stem.length) return a.stem.length - b.stem.length;
  return a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0;
}

function mostSpecific(found: Candidate[]): string | null {
  if (found.length === 0) return null;
  return found.sort(lower)[found.length - 1]!.path;
}
