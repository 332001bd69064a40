// The working tree. Symbolic links are not followed: a manifest that points elsewhere on disk
// could make validate read files outside the repository.

import { lstat, readdir, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isManifestPath, normalisePath, type Listing, type Source, type SourceEntry } from './source.js';

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
        out.set(rel, { path: rel, size: (await lstat(abs)).size });
      }
    }
  }

  async read(path: string): Promise<Uint8Array> {
    return readFile(resolve(this.root, path));
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
