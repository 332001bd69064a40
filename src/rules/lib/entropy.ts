// Is a string random enough to be a credential? Shannon entropy (the gitleaks floor of 3.5 bits per
// character) plus a check that it is not built from words the way names, paths, hosts, emails,
// ARNs and dates are: random tokens interleave letters, digits and case, words do not.

/** Bits per character of the string's own character distribution. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points
  const n = [...s].length;
  for (const k of counts.values()) {
    const p = k / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * True when every alphanumeric run is word-shaped: digits only, a short run (`v1`, `k8s`, `ec2`),
 * a word with at most a number after or before it (`prod01`, `sha256`, `30d`), or camelCase with
 * few humps (`GetSecretValue`). `AbCdEf`, `x9Y8w7` and `Zq7X3kLm` are not.
 */
export function isWordLike(s: string): boolean {
  const parts = s.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts.length > 0 && parts.every(wordPart);
}

function wordPart(p: string): boolean {
  if (/^\d+$/.test(p) || p.length <= 4) return true;
  const m = /^(?:\d*)([A-Za-z]+)(?:\d*)$/.exec(p);
  if (!m) return false;
  const letters = m[1]!;
  // camelCase words change case once per word (`ListSecretVersionIds`: 3 in 20 letters);
  // random letters do so about every fourth letter.
  const humps = (letters.match(/[a-z][A-Z]/g) ?? []).length;
  return humps * 6 <= letters.length;
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL = /^[^\s@]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** A value that is plausibly a secret: long, dense, and not one of the shapes manifests legitimately hold. */
export function looksRandom(value: string, minLength = 16, minEntropy = 3.5): boolean {
  if (value.length < minLength || shannonEntropy(value) < minEntropy) return false;
  if (/^arn:/i.test(value) || DATE.test(value) || EMAIL.test(value)) return false;
  return !isWordLike(value);
}
