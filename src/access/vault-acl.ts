// Which of an identity's Vault policy paths decides a request, and does it allow the capability?
// Vault's ACL (vault/acl.go AllowOperation, vault/policy.go; docs "Policies: priority matching"):
//
// - Every policy the token holds is merged into one ACL: the capabilities of the same path string
//   are united, whichever policy or elevation wrote them.
// - One path decides, never several: a path without glob or `+` segment that equals the request
//   exactly wins (for `list`, also the request without its trailing `/`); otherwise, among the paths
//   that match — a trailing `*` is a string prefix, a `+` segment any one segment — the most
//   specific: the one whose first `+` or `*` comes later; then one without the trailing `*`; then
//   fewer `+` segments; then the longer; then the lexicographically greater. So a narrower path that
//   omits a capability takes it away from a broader one.
// - A `list` of a request ending in `/` that no glob or `+` path matches is tried once more without
//   that `/` (acl.go AllowOperation): `kv/metadata/+` lists `kv/metadata/app/`. Found by
//   test/access/vault-openbao.test.ts against OpenBao 2.7.2, which tries the request with its `/`
//   first (sys/capabilities and a real LIST agree: with `kv/metadata/+` [list] and
//   `kv/metadata/app/*` [read], LIST kv/metadata/app/ is refused), although the acl.go of both
//   projects as published reads the other order.
// - A path has `+` segments when it is `+`, starts with `+/` or contains `/+` (policy.go parsePaths,
//   `HasSegmentWildcards`); a `+` elsewhere (`kv/a+b`) is literal and the path stays exact or a plain
//   prefix, whose first glob is where its `*` stands.
// - `deny` on the deciding path refuses every capability, `sudo` included.
// - A templated path (`kv/data/{{identity.entity.name}}/*`) is filled in from the token's entity
//   for each request; a template without a value — a token without an entity, a metadata key the
//   entity lacks — drops the path, it is never matched as written (policy.go parsePaths).

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

/**
 * The values of ACL templates for the token's entity: `identity.entity.name` → `app-one`, keyed by
 * the text between `{{` and `}}`. idac does not know an identity's entity (Vault creates it at the
 * first login), so who-can passes none.
 */
export type VaultTemplateValues = ReadonlyMap<string, string>;

const NO_VALUES: VaultTemplateValues = new Map();

export function vaultDecides<T>(
  declared: readonly VaultRule<T>[],
  request: string,
  capability: string,
  templates: VaultTemplateValues = NO_VALUES,
): VaultDecision<T> {
  const rules = declared.flatMap((r) => {
    const path = resolveTemplates(r.path, templates);
    return path === null ? [] : [path === r.path ? r : { ...r, path }];
  });
  const paths = [...new Set(rules.map((r) => r.path))];
  const candidates = paths.filter((p) => !isExact(p)).map(candidate);
  const nonExact = (req: string): string | null => mostSpecific(candidates.filter((c) => matches(c, req)));
  const trimmed = capability === 'list' && request.endsWith('/') ? request.slice(0, -1) : null;
  const path =
    exactPath(paths, request, capability) ?? nonExact(request) ?? (trimmed === null ? null : nonExact(trimmed));
  if (path === null) return { allowed: false, path: null, reason: 'no-path' };
  const on = rules.filter((r) => r.path === path);
  if (on.some((r) => r.capability === 'deny')) return { allowed: false, path, reason: 'denied' };
  const by = on.filter((r) => r.capability === capability).map((r) => r.ref);
  return by.length > 0 ? { allowed: true, path, by } : { allowed: false, path, reason: 'missing-capability' };
}

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The path with its templates filled in, or null when one has no value (Vault then skips the path). */
function resolveTemplates(path: string, values: VaultTemplateValues): string | null {
  if (!path.includes('{{')) return path;
  const keys = [...path.matchAll(TEMPLATE)].map((m) => m[1]!);
  if (keys.some((k) => !values.has(k))) return null;
  return path.replace(TEMPLATE, (_, key: string) => values.get(key)!);
}

/** Vault's test for `+` segments (policy.go): a `+` inside a segment is a literal character. */
function hasPlusSegment(path: string): boolean {
  return path === '+' || path.startsWith('+/') || path.includes('/+');
}

/** The paths Vault keeps in its exact-match tree: no `+` segment, no trailing `*`. */
function isExact(path: string): boolean {
  return !hasPlusSegment(path) && !path.endsWith('*');
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
  // For a path with `+` segments Vault takes the first `+` character anywhere, even inside a segment.
  const plus = hasPlusSegment(path) ? path.indexOf('+') : -1;
  return {
    path,
    prefix,
    stem,
    firstWildcard: plus >= 0 ? plus : stem.length,
    plusSegments: stem.split('/').filter((s) => s === '+').length,
  };
}

function matches(c: Candidate, request: string): boolean {
  if (!hasPlusSegment(c.path)) return request.startsWith(c.stem);
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
