import { describe, expect, it } from 'vitest';
import { IDENTITY, run } from '../harness.js';
import {
  authRolePrefixes,
  hasMidPathStar,
  isBroadSys,
  isRootGlob,
  sysAreasReached,
  vaultMount,
  vaultOverlapWithin,
  vaultPathMatches,
  vaultPathsOverlap,
  vaultPathWithin,
} from '../../../src/access/vault-paths.js';

describe('vaultPathMatches (Vault policy semantics)', () => {
  it.each([
    ['kv/data/payments/*', 'kv/data/payments/app', true],
    ['kv/data/payments/*', 'kv/data/payments/', true],
    ['kv/data/payments/*', 'kv/data/payments/a/b/c', true],
    ['kv/data/payments/*', 'kv/data/payments', false],
    ['kv/data/payments/*', 'kv/data/paymentsX', false],
    ['kv/data/pay*', 'kv/data/payments/x', true], // a trailing * is a string prefix, not a segment glob
    ['kv/data/+/x', 'kv/data/payments/x', true],
    ['kv/data/+/x', 'kv/data/a/b/x', false], // + is exactly one segment
    ['kv/+/*', 'kv/data/anything/below', true],
    ['kv/*/x', 'kv/data/x', false], // a * inside the path is literal
    ['kv/*/x', 'kv/*/x', true],
    ['kv/a+/x', 'kv/ab/x', false], // + inside a segment is literal
    ['kv/data/x', 'kv/data/x', true],
    ['kv/data/x', 'kv/data/x/y', false],
    ['kv/data/X', 'kv/data/x', false], // case-sensitive
  ])('%s matches %s: %s', (pattern, request, expected) => {
    expect(vaultPathMatches(pattern, request)).toBe(expected);
  });
});

describe('vaultPathWithin', () => {
  it.each([
    ['kv/data/payments/app/*', 'kv/data/payments/*', true],
    ['kv/data/payments/x', 'kv/data/payments/*', true],
    ['kv/data/payments/*', 'kv/data/payments/*', true],
    ['kv/data/payments/', 'kv/data/payments/*', true],
    ['kv/data/payments/+/x', 'kv/data/payments/*', true],
    ['kv/data/payments/x*', 'kv/data/payments/*', true],
    ['kv/data/pay*', 'kv/data/payments/*', false],
    ['kv/data/+/x', 'kv/data/payments/*', false],
    ['kv/data/payments', 'kv/data/payments/*', false],
    ['kv/data/paymentsX', 'kv/data/payments/*', false],
    ['kv/data/payments*', 'kv/data/payments/*', false],
    ['kv/data/payments/*', 'kv/data/payments/x', false],
    ['kv/data/payments/x', 'kv/data/payments/x', true],
    ['kv/data/payments/x/y', 'kv/data/payments/x', false],
    ['kv/data/payments/x', 'kv/data/+/x', true],
    ['kv/data/+/x', 'kv/data/+/x', true],
    ['kv/data/+/x', 'kv/data/+/*', true],
    ['kv/data/+/*', 'kv/data/+/x', false],
    ['kv/data/payments/settlement/*', 'kv/data/pay*', true],
    ['kv/data/pay/x', 'kv/data/pay*', true],
    ['kv/data/+/x', 'kv/data/pay*', false],
    ['kv/data/*/x', 'kv/data/payments/*', false], // literal *, outside payments/
    ['kv/data/Payments/x', 'kv/data/payments/*', false],
  ])('%s within %s: %s', (path, boundary, expected) => {
    expect(vaultPathWithin(path, boundary)).toBe(expected);
  });

  // Exhaustive cross-check against the matcher on a small universe rich enough to hold a witness
  // for every non-containment among these patterns.
  it('agrees with vaultPathMatches on every pair of small patterns', () => {
    const patterns = smallPatterns();
    const requests = requestsOver(['x', 'xy', 'y', 'z', 'xz', ''], 5).map((r) => r.join('/'));
    const sets = new Map(patterns.map((p) => [p, requests.map((r) => vaultPathMatches(p, r))]));
    const wrong: string[] = [];
    for (const a of patterns) {
      for (const b of patterns) {
        const sa = sets.get(a)!;
        const sb = sets.get(b)!;
        const subset = sa.every((m, i) => !m || sb[i]);
        if (subset !== vaultPathWithin(a, b)) wrong.push(`${a} within ${b}: brute force says ${subset}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('vaultMount', () => {
  const mounts = ['kv', 'pki', 'secret/team-a', 'secret'];
  it.each([
    ['kv/data/x', 'kv'],
    ['secret/team-a/x', 'secret/team-a'], // the longest declared prefix wins
    ['secret/team-b/x', 'secret'],
    ['kv', null], // a mount is followed by "/"
    ['kvx/data', null],
    ['kv*', null],
    ['+/data/x', null],
  ])('%s → %s', (path, mount) => {
    expect(vaultMount(path, mounts)).toBe(mount);
  });
});

// Small universes for brute-force cross-checks: patterns up to three segments over a few literals,
// `+` and trailing globs; requests up to five segments over segments chosen so that every prefix
// constraint has a witness besides itself ('y' → 'yz', 'xy' → 'xyz'). Each pattern's matches are a
// bitset over the requests, so pairs and triples are cheap to compare.
let universe: { patterns: string[]; bits: Uint32Array[] } | null = null;
function smallUniverse(): { patterns: string[]; bits: Uint32Array[] } {
  if (universe) return universe;
  const patterns = [...smallPatterns(), '*'];
  const requests = requestsOver(['x', 'xy', 'xyz', 'y', 'yz', ''], 5);
  const words = Math.ceil(requests.length / 32);
  const bits = patterns.map((p) => {
    const b = new Uint32Array(words);
    requests.forEach((r, i) => {
      if (vaultPathMatches(p, r.join('/'))) b[i >>> 5]! |= 1 << (i & 31);
    });
    return b;
  });
  return (universe = { patterns, bits });
}

/**
 * Patterns of up to three segments over a few literals and `+`, each also with a trailing `*` (not after `+`) and a
 * trailing `/*`.
 */
function smallPatterns(): string[] {
  const lits = ['x', 'xy', 'y', '+'];
  const patterns: string[] = [];
  const grow = (prefix: string[], depth: number): void => {
    if (prefix.length > 0) {
      patterns.push(prefix.join('/'));
      if (prefix[prefix.length - 1] !== '+') patterns.push(`${prefix.join('/')}*`);
    }
    if (depth === 0) return;
    for (const l of lits) grow([...prefix, l], depth - 1);
  };
  grow([], 3);
  for (const p of [...patterns]) if (!p.endsWith('*')) patterns.push(`${p}/*`);
  return patterns;
}

/** Every request of 1 to `depth` segments drawn from `segs`, as lists of segments. */
function requestsOver(segs: readonly string[], depth: number): string[][] {
  const requests: string[][] = [];
  const fill = (prefix: string[], left: number): void => {
    if (prefix.length > 0) requests.push(prefix);
    if (left === 0) return;
    for (const s of segs) fill([...prefix, s], left - 1);
  };
  fill([], depth);
  return requests;
}

describe('vaultPathsOverlap', () => {
  it.each([
    ['sys/*', 'sys/policy/*', true], // overlap, not containment
    ['sys/policy/*', 'sys/*', true],
    ['sys/p*', 'sys/policy/x', true],
    ['sys/p*', 'sys/audit/x', false],
    ['+/policy/*', 'sys/policy/x', true],
    ['sys/*/x', 'sys/policy/x', false], // a mid-path * is literal
    ['sys', 'sys/*', false],
    ['sys/', 'sys/*', true],
    ['auth/token/create', 'auth/token/create/*', false],
    ['auth/token/create*', 'auth/token/create-orphan', true],
    ['a/b*', 'a/+/x', true],
    ['a/+', 'a/+/x', false],
    ['*', 'anything/at/all', true],
  ])('%s overlaps %s: %s', (a, b, expected) => {
    expect(vaultPathsOverlap(a, b)).toBe(expected);
    expect(vaultPathsOverlap(b, a)).toBe(expected);
  });

  it('agrees with vaultPathMatches on every pair of small patterns', () => {
    const { patterns, bits } = smallUniverse();
    const wrong: string[] = [];
    patterns.forEach((a, i) => {
      patterns.forEach((b, j) => {
        const both = bits[i]!.some((w, k) => (w & bits[j]![k]!) !== 0);
        if (both !== vaultPathsOverlap(a, b)) wrong.push(`${a} overlaps ${b}: brute force says ${both}`);
      });
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('vaultOverlapWithin', () => {
  const area = 'auth/+/role/+/secret-id*';
  it.each([
    ['auth/approle/role/app/secret-id', 'auth/+/role/app/secret-id*', true],
    ['auth/approle/role/app/*', 'auth/+/role/app/secret-id*', true],
    ['auth/approle/role/*', 'auth/+/role/app/secret-id*', false],
    ['auth/approle/role/+/secret-id', 'auth/+/role/app/secret-id*', false],
    ['auth/approle/role/app*', 'auth/+/role/app/secret-id*', false], // also app-2's
    ['auth/approle/role/other/secret-id', 'auth/+/role/app/secret-id*', false],
    ['kv/data/x', 'auth/+/role/app/secret-id*', true], // no overlap at all
  ])('%s reaches the area only within %s: %s', (path, within, expected) => {
    expect(vaultOverlapWithin(path, area, within)).toBe(expected);
  });

  it('agrees with vaultPathMatches on triples of small patterns', () => {
    const { patterns, bits } = smallUniverse();
    const wrong: string[] = [];
    // Every 4th pattern keeps the triple loop fast while still mixing every shape.
    const some = patterns.map((_, i) => i).filter((i) => i % 4 === 0);
    for (const a of some) {
      for (const b of some) {
        for (const c of some) {
          const expected = bits[a]!.every((w, k) => (w & bits[b]![k]! & ~bits[c]![k]!) === 0);
          if (expected !== vaultOverlapWithin(patterns[a]!, patterns[b]!, patterns[c]!))
            wrong.push(`${patterns[a]} ∩ ${patterns[b]} within ${patterns[c]}: brute force says ${expected}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('root globs and broad sys/ paths', () => {
  it.each([
    ['*', 'root'],
    ['+/*', 'root'],
    ['+/+/*', 'root'],
    ['sys', 'broad'],
    ['sys/', 'broad'],
    ['sys/*', 'broad'],
    ['sys*', 'broad'],
    ['s*', 'broad'],
    ['sys/+', 'broad'],
    ['sys/+/x', 'broad'],
    ['+/+', 'broad'], // sys/seal, sys/rotate, …
    ['sys/p*', 'broad'], // policies and plugins
    ['sys/r*', 'broad'],
    ['sys/policy*', null], // one family: vault/no-policy-write's
    ['sys/audit*', null],
    ['sys/policy/*', null],
    ['sys/leases/*', null],
    ['sys/leases/renew', null],
    ['sys/*/x', null], // a literal *
    ['kv/data/*', null],
    ['auth/*', null],
    ['+/data/x', null],
  ])('%s is %s', (path, kind) => {
    expect(isRootGlob(path) ? 'root' : isBroadSys(path) ? 'broad' : null).toBe(kind);
  });

  it('names the sys/ families a path reaches', () => {
    expect(sysAreasReached('sys/p*')).toEqual(['ACL policies', 'the plugin catalog']);
    expect(sysAreasReached('sys/leases/renew')).toEqual([]);
  });
});

describe('hasMidPathStar', () => {
  it.each([
    ['kv/*/x', true],
    ['kv/a*b', true],
    ['**', true],
    ['kv/*', false],
    ['kv/app*', false],
    ['*', false],
    ['kv/+/x', false],
  ])('%s: %s', (path, expected) => {
    expect(hasMidPathStar(path)).toBe(expected);
  });
});

describe('authRolePrefixes', () => {
  it.each([
    ['auth/approle/role/x', ['auth/+/role']],
    ['auth/*', ['auth/+/role']],
    ['auth/kubernetes/prod-eu/role/x', ['auth/+/role', 'auth/+/+/role']], // a nested mount, spelled out
    ['auth/a/b/c/role/x/secret-id', ['auth/+/role', 'auth/+/+/+/role']],
    ['auth/approle/role/+/secret-id', ['auth/+/role']], // the `+` is a role name, not the keyword of a deeper mount
    ['auth/token/roles/*', ['auth/+/role']],
    ['auth/kubernetes/prod-eu/role*', ['auth/+/role']], // `role*` is a prefix, not the keyword
  ])('%s → %j', (path, prefixes) => {
    expect(authRolePrefixes(path)).toEqual(prefixes);
  });
});

// The vault/* path rules share one precedence (a root glob, else broad sys/, else each family's
// rule), so that one path gives one finding naming what is dangerous, not one per family (the
// glob-* rules say something else: how the path is written).
describe('one finding per dangerous path', () => {
  const vault = (path: string, caps: string) =>
    `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n        - path: "${path}"\n          ` +
    `capabilities: [${caps}]\n`;
  it.each([
    ['*', 'create, update', ['vault/no-root-glob']],
    ['+/+/*', 'update', ['vault/no-root-glob']],
    ['sys/*', 'create, update, delete', ['vault/no-sys-path']],
    ['sys/p*', 'update', ['vault/no-sys-path']],
    ['sys/policy/*', 'update', ['vault/no-policy-write']],
    ['sys/audit*', 'delete', ['vault/no-audit-change']],
    ['sys/*', 'update, sudo', ['vault/no-sudo', 'vault/no-sys-path']], // sudo is reported at the capability
    ['auth/token/create', 'update, sudo', ['vault/no-token-create']], // that sudo is what no-token-create reports
  ])('%s [%s] → %j', async (path, caps, rules) => {
    const findings = await run({ name: path, files: { 'identities/payments/app.yaml': vault(path, caps) } });
    expect(
      findings
        .filter((f) => f.rule.startsWith('vault/no-'))
        .map((f) => f.rule)
        .sort(),
    ).toEqual(rules);
  });
});
