// What the outside world's files look like to idac: repo-relative paths with forward slashes, sizes,
// capped reads. The Source interface over them belongs to the loading stage (src/manifest/source.ts).

import type { Result } from '../common/result.js';

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

/** The files found under some paths, or why the paths cannot be listed. */
export type Listing = Result<SourceEntry[]>;

export function isManifestPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Normalises a user-given path: forward slashes, no leading ./, no trailing /. */
export function normalisePath(path: string): string {
  const p = path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return p === '.' ? '' : p;
}

export function isOversize(r: Uint8Array | Oversize): r is Oversize {
  return !(r instanceof Uint8Array);
}
