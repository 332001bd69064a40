// idac codeowners: writes .github/CODEOWNERS from the manifests, atomically, and only if nobody
// changed it while idac was reading the repository.

import { CODEOWNERS_FILE } from '../../common/layout.js';
import { holdsWithheld, verifyRendered } from '../../model/codeowners.js';
import type { Finding } from '../../common/findings.js';
import { fail, isRefusal, messageOf, ok, type Result } from '../../common/result.js';
import { sha256, writeAtomically } from '../../io/atomic-write.js';
import { FsSource, reason } from '../../io/fs-source.js';
import { expectedCodeowners } from './expected.js';

export type CodeownersWrite =
  /** Written: `summary` is the line to print; `unsafe`, the names left out (exit 1 when any). */
  | { kind: 'written'; summary: string; unsafe: Finding[]; identities: number }
  /** Not written, on purpose (exit 1): `message` says why; nothing was changed. */
  | { kind: 'refused'; message: string };

/** Writes .github/CODEOWNERS under `dir`; a failure is a reason the command could not run (exit 2). */
export async function writeCodeowners(dir: string): Promise<Result<CodeownersWrite>> {
  const source = new FsSource(dir);
  // What CODEOWNERS holds before anything is read: the write is refused if it changes meanwhile.
  const previous = await currentHash(source);
  if (!previous.ok) return previous;
  const expected = await expectedCodeowners(source);
  if (!expected.ok) return expected;
  const { owned, skipped, entries, text, note, unsafe } = expected.value;
  const wrong = verifyRendered(entries, text);
  if (wrong) return ok({ kind: 'refused', message: `not writing ${CODEOWNERS_FILE}: ${wrong}; nothing was changed` });
  const written = await writeAtomically(dir, [
    { path: CODEOWNERS_FILE, bytes: Buffer.from(text, 'utf8'), expected: previous.value },
  ]);
  if (!written.ok) return isRefusal(written) ? ok({ kind: 'refused', message: messageOf(written) }) : written;
  // An identity whose path or owners hold a secret gets no line (expectedEntries): it is not counted.
  const held = owned.filter(holdsWithheld).length;
  const lines = owned.length - held;
  const withheldNote = held ? `; ${held} withheld (a secret in the path or an owner: run idac validate)` : '';
  const left = unsafe.length
    ? `; ${unsafe.length} left out, ${unsafe.length === 1 ? 'its file name' : 'their file names'} cannot be ` +
      `written there`
    : '';
  return ok({
    kind: 'written',
    summary: `wrote ${CODEOWNERS_FILE}: ${lines} identit${lines === 1 ? 'y' : 'ies'}${note}${withheldNote}${left}\n`,
    unsafe,
    identities: owned.length + skipped,
  });
}

/** sha256 of .github/CODEOWNERS as it is now; null when there is none. */
async function currentHash(source: FsSource): Promise<Result<string | null>> {
  try {
    const bytes = await source.read(CODEOWNERS_FILE);
    return ok(bytes instanceof Uint8Array ? sha256(bytes) : null);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null);
    if (code === 'ELINKEDFOLDER') return fail(`cannot write ${CODEOWNERS_FILE}: ${reason(e)}; nothing was changed`);
    if (code === 'ELOOP')
      return fail(
        `cannot write ${CODEOWNERS_FILE}: it is a symbolic link (idac does not write through links); ` +
          `nothing was changed`,
      );
    return fail(`cannot read ${CODEOWNERS_FILE}: ${reason(e)}; nothing was changed`);
  }
}
