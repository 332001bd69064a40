// Files held in memory: for tests, and for callers of the library that already have the text.

import type { Source } from './source.js';
import { fail, ok } from '../common/result.js';
import { isManifestPath, normalisePath, type Listing, type Oversize, type SourceEntry } from '../io/files.js';

export class MemorySource implements Source {
  readonly label = 'MEMORY';
  private readonly files: Map<string, Uint8Array>;

  constructor(files: Record<string, string | Uint8Array>) {
    this.files = new Map(
      Object.entries(files).map(([k, v]) => [
        normalisePath(k),
        typeof v === 'string' ? new TextEncoder().encode(v) : v,
      ]),
    );
  }

  async list(paths: readonly string[]): Promise<Listing> {
    const out: SourceEntry[] = [];
    for (const raw of paths) {
      const p = normalisePath(raw);
      const hits = [...this.files.keys()].filter(
        (k) => k === p || ((p === '' || k.startsWith(`${p}/`)) && isManifestPath(k)),
      );
      if (hits.length === 0 && ![...this.files.keys()].some((k) => k.startsWith(`${p}/`)))
        return fail(`${raw}: no such file or directory`);
      for (const h of hits) out.push({ path: h, size: this.files.get(h)!.length });
    }
    const uniq = [...new Map(out.map((e) => [e.path, e])).values()];
    return ok(uniq.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }

  async read(path: string, maxBytes?: number): Promise<Uint8Array | Oversize> {
    const f = this.files.get(path);
    if (!f) throw new Error(`${path}: not found`);
    return maxBytes !== undefined && f.length > maxBytes ? { oversize: f.length } : f;
  }

  async stat(path: string): Promise<SourceEntry | null> {
    const f = this.files.get(path);
    return f ? { path, size: f.length } : null;
  }
}
