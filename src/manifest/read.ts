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
