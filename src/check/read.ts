// One manifest read through a Source (working tree or git revision) and loaded: the valid data of
// the expected kind, or null when the file is missing, too large, not UTF-8 or invalid. For
// commands that need the data, not the findings (validate reports those).

import type { Source } from '../manifest/source.js';
import { isOversize } from '../io/files.js';
import { decode, MAX_FILE_BYTES } from '../manifest/decode.js';
import { loadText } from '../manifest/load.js';
import type { SchemaKind } from '../manifest/schemas.js';
import { fileSecrets } from '../rules/secrets.js';

export async function readValid(source: Source, path: string, expect: SchemaKind): Promise<unknown> {
  return (await readWithheld(source, path, expect)).data;
}

/**
 * The data with every key and value a secret rule fired on replaced by its fingerprint, and the
 * path with any token in it likewise (src/rules/secrets.ts): what every command built on it shows.
 */
async function readWithheld(source: Source, path: string, expect: SchemaKind): Promise<{ data: unknown; path: string }> {
  const entry = await source.stat(path);
  if (!entry || entry.symlink) return { data: null, path };
  const bytes = await source.read(path, MAX_FILE_BYTES);
  if (isOversize(bytes)) return { data: null, path };
  const decoded = decode(bytes);
  const secrets = await fileSecrets(path, decoded.ok ? decoded.text : null);
  if (!decoded.ok) return { data: null, path: secrets.path };
  const loaded = loadText(decoded.text, { expect, fast: true });
  return { data: loaded.valid && loaded.kind === expect ? secrets.redactor.data(loaded.data) : null, path: secrets.path };
}

export interface Repository {
  /** org.yaml's data, or null when it is missing or invalid. */
  org: import('../manifest/organization.generated.js').Organization | null;
  /**
   * Every valid MachineIdentity under the folder, in listing order; values that hold a secret, and a
   * token in the path, are shown as their fingerprint (isWithheld).
   */
  identities: { file: string; data: import('../manifest/machine-identity.generated.js').MachineIdentity }[];
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
    const read = await readWithheld(source, f.path, 'MachineIdentity');
    const data = read.data as Repository['identities'][number]['data'] | null;
    if (data) value.identities.push({ file: read.path, data });
    else value.skipped.push(read.path);
  }
  return { ok: true, value };
}
