// The identities of a repository as who-can reads them: valid data, plus where each value is
// written, so an answer can point at the line that grants it. Files that are not valid manifests
// are counted, not guessed at: `idac validate` says what is wrong with them.

import { ORG_FILE } from '../../check/validate.js';
import type { Path } from '../../common/findings.js';
import type { Source } from '../../manifest/source.js';
import { isOversize } from '../../io/files.js';
import { decode, MAX_FILE_BYTES } from '../../manifest/decode.js';
import { LineIndex, type Position } from '../../manifest/line-index.js';
import { loadText } from '../../manifest/load.js';
import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { fileSecrets } from '../../rules/secrets.js';

export interface LocatedIdentity {
  /** Relative to the repository root; a token in it shown as its fingerprint. */
  file: string;
  /** Values that hold a secret are shown as their fingerprint (src/rules/secrets.ts). */
  data: MachineIdentity;
  /** 1-based line and column of the value at a data path. */
  at(path: Path): Position;
}

export type RepoIdentities =
  | { ok: true; identities: LocatedIdentity[]; skipped: string[] }
  | { ok: false; message: string };

const FOLDER = ORG_FILE.slice(0, ORG_FILE.lastIndexOf('/'));

export async function readIdentities(source: Source): Promise<RepoIdentities> {
  const listing = await source.list([FOLDER]);
  if (!listing.ok) return listing;
  const identities: LocatedIdentity[] = [];
  const skipped: string[] = [];
  for (const entry of listing.files) {
    if (entry.path === ORG_FILE) continue;
    const located = entry.symlink ? null : await readLocated(source, entry.path);
    if (located) identities.push(located);
    else skipped.push(entry.path);
  }
  return { ok: true, identities, skipped };
}

async function readLocated(source: Source, file: string): Promise<LocatedIdentity | null> {
  const bytes = await source.read(file, MAX_FILE_BYTES);
  if (isOversize(bytes)) return null;
  const decoded = decode(bytes);
  if (!decoded.ok) return null;
  const loaded = loadText(decoded.text, { expect: 'MachineIdentity', fast: true });
  if (!loaded.valid || loaded.kind !== 'MachineIdentity') return null;
  const lines = new LineIndex(decoded.text);
  const secrets = await fileSecrets(file, decoded.text);
  return { file: secrets.path, data: secrets.redactor.data(loaded.data as MachineIdentity), at: (path) => lines.at(loaded.locate(path, 'value')) };
}
