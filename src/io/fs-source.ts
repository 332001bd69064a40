// The working tree. Symbolic links are not followed: a manifest that points elsewhere on disk
// could make validate read files outside the repository.

import { closeSync, fstatSync, lstatSync, openSync, readSync, constants } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fail, ok } from '../common/result.js';
import { isManifestPath, normalisePath, type Listing, type Oversize, type SourceEntry } from './files.js';

export class FsSource {
  readonly label = 'WORKTREE';
  /** Folders already seen to be real folders (not links), so a big read lstats each folder once. */
  private readonly realFolders = new Set<string>();
  constructor(readonly root: string) {}

  async list(paths: readonly string[]): Promise<Listing> {
    const found = new Map<string, SourceEntry>();
    for (const raw of paths) {
      const abs = isAbsolute(raw) ? raw : resolve(this.root, raw);
      const rel = relative(this.root, abs).split(sep).join('/');
      if (rel.startsWith('..') || isAbsolute(rel)) return fail(`${raw} is outside the repository root ${this.root}`);
      let st;
      try {
        st = await lstat(abs);
      } catch (e) {
        return fail(
          `${raw}: ` +
            `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : reason(e)} ` +
            `(relative to ${this.root})`,
        );
      }
      const path = normalisePath(rel);
      if (st.isSymbolicLink()) found.set(path, { path, size: -1, symlink: true });
      else if (st.isDirectory()) {
        const err = await this.walk(abs, found);
        if (err) return fail(err);
      } else if (st.isFile()) found.set(path, { path, size: st.size });
      else return fail(`${raw} is not a regular file or directory`);
    }
    return ok([...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }

  /** Lists manifests below `dir`; an unreadable folder is an error message (the run cannot be complete). */
  private async walk(dir: string, out: Map<string, SourceEntry>): Promise<string | null> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      return `cannot read folder ${relative(this.root, dir).split(sep).join('/') || '.'}: ${reason(e)}`;
    }
    for (const e of entries) {
      // Dot-files are manifests like any other (git tracks them); only git's own folder is skipped.
      if (e.name === '.git') continue;
      const abs = resolve(dir, e.name);
      const rel = relative(this.root, abs).split(sep).join('/');
      if (e.isSymbolicLink()) {
        // Reported, not followed: a link could pull in files from outside the repository, and git
        // (which plan reads) stores the link, not its target.
        if (isManifestPath(e.name) || (await isDirectoryLink(abs)))
          out.set(rel, { path: rel, size: -1, symlink: true });
      } else if (e.isDirectory()) {
        const err = await this.walk(abs, out);
        if (err) return err;
        // the read stats the open file
      } else if (e.isFile() && isManifestPath(e.name)) out.set(rel, { path: rel, size: -1 });
    }
    return null;
  }

  /**
   * Synchronous on purpose: thousands of small files read one after another cost less this way
   * than through the thread pool, and big repos already spread the reads over worker threads.
   * O_NOFOLLOW: a symbolic link put in place after the listing is still not followed.
   */
  async read(path: string, maxBytes?: number): Promise<Uint8Array | Oversize> {
    // O_NOFOLLOW guards the file itself; a linked folder on the way (`.github` → elsewhere) is refused here.
    const linked = linkedFolder(this.root, path, this.realFolders);
    if (linked !== null) throw linkedFolderError(linked);
    const fd = openSync(
      resolve(this.root, path),
      constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0),
    );
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
      return st.isFile() ? { path, size: st.size } : st.isSymbolicLink() ? { path, size: -1, symlink: true } : null;
    } catch {
      return null;
    }
  }
}

/**
 * The first folder between `root` and `path` (relative, `/`-separated) that is a symbolic link, or
 * null. Folders that do not exist yet end the walk (whoever creates them makes real folders).
 * `real` caches the folders found real.
 */
export function linkedFolder(root: string, path: string, real?: Set<string>): string | null {
  const parts = normalisePath(relative(root, resolve(root, path)).split(sep).join('/'))
    .split('/')
    .slice(0, -1);
  let rel = '';
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    rel = rel === '' ? part : `${rel}/${part}`;
    if (real?.has(rel)) continue;
    let st;
    try {
      st = lstatSync(resolve(root, rel));
    } catch {
      return null;
    }
    if (st.isSymbolicLink()) return rel;
    if (!st.isDirectory()) return null;
    real?.add(rel);
  }
  return null;
}

/** The error a read or write through a linked folder fails with; `reason` puts it in words. */
export function linkedFolderError(folder: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${folder} is a symbolic link`), { code: 'ELINKEDFOLDER', path: folder });
}

async function isDirectoryLink(abs: string): Promise<boolean> {
  try {
    return (await stat(abs)).isDirectory();
  } catch {
    return false;
  }
}

/** A file-system error in words, without Node's `ENOENT: …, open '…'` noise. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'it is a symbolic link, which idac does not follow';
    case 'ELINKEDFOLDER':
      return (
        `the folder ${(e as NodeJS.ErrnoException).path} on its path is a symbolic link, which idac does not ` +
        `follow (replace the link with the folder itself)`
      );
    default:
      return (e as Error).message;
  }
}
