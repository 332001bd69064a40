// The working tree. Symbolic links are not followed: a manifest that points elsewhere on disk
// could make validate read files outside the repository.

import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isManifestPath, normalisePath, type Listing, type Oversize, type Source, type SourceEntry } from './source.js';

export class FsSource implements Source {
  readonly label = 'WORKTREE';
  constructor(readonly root: string) {}

  async list(paths: readonly string[]): Promise<Listing> {
    const found = new Map<string, SourceEntry>();
    for (const raw of paths) {
      const abs = isAbsolute(raw) ? raw : resolve(this.root, raw);
      const rel = relative(this.root, abs).split(sep).join('/');
      if (rel.startsWith('..')) return { ok: false, message: `${raw} is outside the repository root ${this.root}` };
      let st;
      try {
        st = await lstat(abs);
      } catch {
        return { ok: false, message: `${raw}: no such file or directory (relative to ${this.root})` };
      }
      if (st.isDirectory()) await this.walk(abs, found);
      else if (st.isFile()) found.set(normalisePath(rel), { path: normalisePath(rel), size: st.size });
      else return { ok: false, message: `${raw} is not a regular file or directory` };
    }
    return { ok: true, files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  }

  private async walk(dir: string, out: Map<string, SourceEntry>): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = resolve(dir, e.name);
      if (e.isDirectory()) await this.walk(abs, out);
      else if (e.isFile() && isManifestPath(e.name)) {
        const rel = relative(this.root, abs).split(sep).join('/');
        out.set(rel, { path: rel, size: -1 }); // the read stats the open file: one syscall fewer per file
      }
    }
  }

  /**
   * Synchronous on purpose: thousands of small files read one after another cost less this way
   * than through the thread pool, and big repos already spread the reads over worker threads.
   * O_NOFOLLOW: a symbolic link put in place after the listing is still not followed.
   */
  async read(path: string, maxBytes?: number): Promise<Uint8Array | Oversize> {
    const fd = openSync(resolve(this.root, path), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const size = fstatSync(fd).size;
      if (maxBytes !== undefined && size > maxBytes) return { oversize: size };
      const buf = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, buf, off, size - off, off);
        if (n === 0) break;
        off += n;
      }
      return off === size ? buf : buf.subarray(0, off);
    } finally {
      closeSync(fd);
    }
  }

  async stat(path: string): Promise<SourceEntry | null> {
    try {
      const st = await lstat(resolve(this.root, path));
      return st.isFile() ? { path, size: st.size } : null;
    } catch {
      return null;
    }
  }
}
