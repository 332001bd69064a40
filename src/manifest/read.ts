// One manifest read through a Source (working tree or git revision) and loaded: the valid data of
// the expected kind, or null when the file is missing, too large, not UTF-8 or invalid. For
// commands that need the data, not the findings (validate reports those).

import { isOversize, type Source } from '../io/source.js';
import { decode, MAX_FILE_BYTES } from './decode.js';
import { loadText } from './load.js';
import type { SchemaKind } from './schemas.js';

export async function readValid(source: Source, path: string, expect: SchemaKind): Promise<unknown> {
  const entry = await source.stat(path);
  if (!entry || entry.symlink) return null;
  const bytes = await source.read(path, MAX_FILE_BYTES);
  if (isOversize(bytes)) return null;
  const decoded = decode(bytes);
  if (!decoded.ok) return null;
  const loaded = loadText(decoded.text, { expect, fast: true });
  return loaded.valid && loaded.kind === expect ? loaded.data : null;
}

export interface Repository {
  /** org.yaml's data, or null when it is missing or invalid. */
  org: import('./organization.generated.js').Organization | null;
  /** Every valid MachineIdentity under the folder, in listing order. */
  identities: { file: string; data: import('./machine-identity.generated.js').MachineIdentity }[];
  /** Files that are not valid manifests (validate says why). */
  skipped: string[];
  /** Symbolic links, never followed. */
  links: string[];
}

/**
 * The valid manifests of a repository and its org.yaml, for the commands that need the data and
 * not the findings (rotation, apply, codeowners, report, audit). `orgFile` is
 * `<folder>/org.yaml`, the folder is listed once.
 */
export async function readRepository(source: Source, orgFile: string): Promise<{ ok: true; value: Repository } | { ok: false; message: string }> {
  const listing = await source.list([orgFile.slice(0, orgFile.lastIndexOf('/'))]);
  if (!listing.ok) return listing;
  const value: Repository = { org: (await readValid(source, orgFile, 'Organization')) as Repository['org'], identities: [], skipped: [], links: [] };
  for (const f of listing.files) {
    if (f.path === orgFile) continue;
    if (f.symlink) {
      value.links.push(f.path);
      continue;
    }
    const data = (await readValid(source, f.path, 'MachineIdentity')) as Repository['identities'][number]['data'] | null;
    if (data) value.identities.push({ file: f.path, data });
    else value.skipped.push(f.path);
  }
  return { ok: true, value };
}
