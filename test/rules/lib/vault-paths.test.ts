import { describe, expect, it } from 'vitest';
import { vaultMount, vaultPathMatches, vaultPathWithin } from '../../../src/rules/lib/vault-paths.js';

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
    const segs = ['x', 'xy', 'y', 'z', 'xz', ''];
    const requests: string[] = [];
    const fill = (prefix: string[], depth: number): void => {
      if (prefix.length > 0) requests.push(prefix.join('/'));
      if (depth === 0) return;
      for (const s of segs) fill([...prefix, s], depth - 1);
    };
    fill([], 5);
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
