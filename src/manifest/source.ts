// Where manifests come from: the working tree or a git revision, behind one interface, so the
// core never knows which. Paths are repo-relative with forward slashes.

import type { Listing, Oversize, SourceEntry } from '../io/files.js';

export interface Source {
  /** `WORKTREE` or the revision as given. */
  readonly label: string;
  /** Every *.yaml / *.yml at or below each repo-relative path, sorted, without duplicates. */
  list(paths: readonly string[]): Promise<Listing>;
  /** The file's bytes; with `maxBytes`, a file over it is not read and its size is returned instead. */
  read(path: string, maxBytes?: number): Promise<Uint8Array | Oversize>;
  /** Size of one file, or null when it does not exist. */
  stat(path: string): Promise<SourceEntry | null>;
}
