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
