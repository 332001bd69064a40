// org.yaml spec.drift.ignore: globs (* any run of characters, ? one character, nothing else special)
// over a principal's cloud id and its live name. What matches is never an orphan.

import { globPattern } from '../import/team.js';

/** A matcher for the globs (none: matches nothing). */
export function ignoreMatcher(globs: readonly string[]): (id: string, name: string) => boolean {
  if (globs.length === 0) return () => false;
  // The same globs as import's --team-map.
  const res = globs.map(globPattern);
  return (id, name) => res.some((re) => re.test(id) || re.test(name));
}
