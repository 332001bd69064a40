// One secret, one finding: where two secret/* rules match overlapping text, the more specific rule
// reports it (a GitHub token under `token:` is a github-token finding, not also high-entropy).

import type { TextMatch, TextRule, TextScan } from '../types.js';

/** `mine` without the matches that overlap a match of a rule in `higher`, or repeat an earlier one. */
export async function yieldTo<T extends TextMatch>(
  scan: TextScan,
  higher: readonly TextRule[],
  mine: readonly T[],
): Promise<T[]> {
  if (mine.length === 0) return [];
  // eslint-disable-next-line @typescript-eslint/await-thenable -- check may return one
  const taken = (await Promise.all(higher.map((r) => r.check(scan)))).flat();
  const out: T[] = [];
  for (const m of [...mine].sort((a, b) => a.offset - b.offset || b.text.length - a.text.length)) {
    if (taken.some((t) => overlaps(t, m)) || out.some((o) => overlaps(o, m))) continue;
    out.push(m);
  }
  return out;
}

function overlaps(a: TextMatch, b: TextMatch): boolean {
  return a.offset < b.offset + b.text.length && b.offset < a.offset + a.text.length;
}
