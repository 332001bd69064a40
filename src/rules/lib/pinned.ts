// "Pinned" as issue 17 agreed it, for AWS OIDC subjects and Vault JWT claims alike, so the rules,
// the docs and the README say the same thing.

const WILD = /[*?]/;

/** Keys whose value may end a subject in a pattern: which branch, tag, environment or phase, never which project. */
const NARROWING_KEY = /(^|_)(ref|branch|tag|environment|env|phase|step)$/;

/**
 * An OIDC subject is narrow when it has no wildcard, or wildcards only in its last `:`-separated
 * value, next to at least one literal character, where that value is a ref, branch, tag, environment
 * or phase (the key before it says so) and at least one field before it is exact
 * (`project_path:acme/ledger:ref_type:branch:ref:release-*`). `project_path:acme/*` is broad: the
 * project is the field the wildcard would open.
 */
export function narrowSubject(subject: string): boolean {
  if (!WILD.test(subject)) return true;
  const parts = subject.split(':');
  const last = parts[parts.length - 1]!;
  const key = parts.length >= 4 ? parts[parts.length - 2]! : '';
  return !parts.slice(0, -1).some((p) => WILD.test(p)) && /[^*?]/.test(last) && NARROWING_KEY.test(key);
}

/** A claim value that is nothing but wildcards (`*`, `**`, `?*`): it matches any token. */
export const onlyWildcards = (value: string): boolean => /^[*?]+$/.test(value);
