// org.yaml spec.drift.ignore: globs (* any run of characters, ? one character, nothing else special)
// over a principal's cloud id and its live name. What matches is never an orphan.

/** A matcher for the globs (none: matches nothing). */
export function ignoreMatcher(globs: readonly string[]): (id: string, name: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map(globRegExp);
  return (id, name) => res.some((re) => re.test(id) || re.test(name));
}

function globRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 'su');
}
