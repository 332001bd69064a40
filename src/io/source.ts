// Where manifests come from: the working tree or a git revision, behind one interface, so the
// core never knows which. Paths are repo-relative with forward slashes.

export interface SourceEntry {
  path: string;
  /** Bytes, or -1 when the listing did not stat the file (the read checks the cap itself). */
  size: number;
  /** A symbolic link: listed so it can be reported, never followed. */
  symlink?: boolean;
}

/** What a capped read returns for a file over the cap: its size, and not one byte of it. */
export interface Oversize {
  oversize: number;
}

export type Listing = { ok: true; files: SourceEntry[] } | { ok: false; message: string };

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

export function isManifestPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Normalises a user-given path: forward slashes, no leading ./, no trailing /. */
export function normalisePath(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return p === '.' ? '' : p;
}

export function isOversize(r: Uint8Array | Oversize): r is Oversize {
  return !(r instanceof Uint8Array);
}
