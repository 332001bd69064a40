// "Pinned" as issue 17 agreed it, for AWS OIDC subjects and Vault JWT claims alike, so the rules,
// the docs and the README say the same thing.

const WILD = /[*?]/;

/**
 * An OIDC subject is narrow when it has no wildcard, or wildcards only inside its last `:`-separated
 * value next to at least one literal character (`project_path:acme/ledger:ref_type:branch:ref:release-*`):
 * the issuer's fields before it (project, repository, workspace) are then fixed.
 */
export function narrowSubject(subject: string): boolean {
  if (!WILD.test(subject)) return true;
  const parts = subject.split(':');
  const last = parts[parts.length - 1]!;
  return !parts.slice(0, -1).some((p) => WILD.test(p)) && /[^*?]/.test(last);
}

/** A claim value that is nothing but wildcards (`*`, `**`, `?*`): it matches any token. */
export const onlyWildcards = (value: string): boolean => /^[*?]+$/.test(value);
