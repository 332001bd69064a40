// The working tree's manifests for the commands that read people out of them and write small edits
// back (offboard, review): every identity file with its text, the ones that are not valid manifests,
// org.yaml; and the write that prints the diff to commit.

import { isDeepStrictEqual } from 'node:util';
import { terminalSafe } from '../common/escape.js';
import { createTwoFilesPatch } from 'diff';
import { loadRepository } from '../check/repository.js';
import { sha256, writeAtomically, type WriteHooks } from '../io/atomic-write.js';
import { FsSource, reason } from '../io/fs-source.js';
import { isOversize } from '../io/files.js';
import { decode, MAX_FILE_BYTES, tooLarge } from '../manifest/decode.js';
import { loadText } from '../manifest/load.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { SchemaKind } from '../manifest/schemas.js';
import { verifyEdit, type Change } from '../manifest/verify-edit.js';
import type { OrgModel } from '../model/org.js';
import { fileSecrets, fingerprint, isWithheld, secretMatches } from '../rules/secrets.js';

/**
 * Refuses (exit 1, before anything is read or written) a value the user gave that the command would
 * write into a manifest, when it holds a secret: named by its option, shown by its fingerprint.
 */
export async function refuseSecretArguments(
  args: Record<string, string | readonly string[] | undefined>,
): Promise<void> {
  for (const [option, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const found = await secretMatches(typeof value === 'string' ? value : value.join('\n'));
    if (found.length > 0)
      throw new UsageError(
        `${option} holds a secret (${found[0]!.rule}, fingerprint ${fingerprint(found[0]!.text)}): idac ` +
          `does not write it into a manifest; give the value without it. Nothing was changed`,
        1,
      );
  }
}
import { exitCodeOf, UsageError } from './errors.js';
import { messageOf } from '../common/result.js';

export interface RepoManifests {
  /** `file`: the path on disk (edits are written to it; printed paths are redacted in src/cli/redact-output.ts). */
  identities: { file: string; data: MachineIdentity }[];
  /** Not a valid MachineIdentity; `text` is null when the file could not even be read as UTF-8 text. */
  invalid: { file: string; text: string | null }[];
  /** Null when org.yaml is missing or invalid. */
  org: OrgModel | null;
}

/**
 * The working tree's manifests as the repository loader reads them, for the commands that edit
 * them. Exits 2 when identities/ cannot be listed, or a file in it read: the command cannot give a
 * complete answer.
 */
export async function readManifests(dir: string): Promise<RepoManifests> {
  const repo = await loadRepository(new FsSource(dir));
  if (!repo.ok)
    throw new UsageError(
      repo.unreadable
        ? `cannot read ${repo.unreadable.file}: ${reason(repo.unreadable.error)}; nothing was changed`
        : messageOf(repo),
    );
  return {
    identities: repo.value.identities.map((i) => ({ file: i.path, data: i.data })),
    invalid: repo.value.skipped.map((s) => ({ file: s.path, text: s.text })),
    org: repo.value.model,
  };
}

/** A file as read for an edit: its text (without a byte-order mark), and what is needed to write it back safely. */
export interface RawFile {
  file: string;
  text: string;
  /** The file started with a UTF-8 byte-order mark: it is written back with one. */
  bom: boolean;
  /** sha256 of the bytes read: the write is refused if the file no longer holds them. */
  hash: string;
}

export interface FileEdit {
  raw: RawFile;
  after: string;
  /** The kind the file holds, and the data changes the edit means: the result is checked against both. */
  expect: SchemaKind;
  changes: readonly Change[];
}

/**
 * The file as it is on disk, for an edit in place. A file validate would not read as text (not
 * UTF-8, NUL bytes, over the size limit) is refused (exit 1) rather than rewritten with
 * replacement characters; a file that cannot be read exits 2.
 */
export async function readRaw(dir: string, file: string): Promise<RawFile> {
  let bytes;
  try {
    bytes = await new FsSource(dir).read(file, MAX_FILE_BYTES);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${reason(e)}; nothing was changed`);
  }
  if (isOversize(bytes))
    throw new UsageError(`not editing ${file}: ${tooLarge(bytes.oversize)} (parse/size); nothing was changed`, 1);
  const decoded = decode(bytes);
  if (!decoded.ok)
    throw new UsageError(`not editing ${file}: ${decoded.message} (${decoded.rule}); nothing was changed`, 1);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { file, text: decoded.text, bom, hash: sha256(bytes) };
}

/**
 * readRaw for a file whose data the command already read (readManifests) and decided on: refused
 * (exit 1) if the file no longer holds that data, so the edit is never computed from one version
 * and written over another.
 */
export async function readRawAsRead(dir: string, file: string, data: unknown): Promise<RawFile> {
  const raw = await readRaw(dir, file);
  const now = loadText(raw.text, { expect: 'MachineIdentity', fast: true });
  // Like with like: readManifests withheld every value holding a secret, so the data as read now is too.
  if (!isDeepStrictEqual((await fileSecrets(file, raw.text)).redactor.data(now.data), data))
    throw new UsageError(
      `${file} changed on disk while idac was reading it; nothing was changed: run the command again on the ` +
        `new content`,
      1,
    );
  return raw;
}

/**
 * Checks every edit (the result loads and means exactly the intended change; else exit 1), then
 * writes them all or none, atomically, refusing a file changed since it was read (exit 1) or one
 * that cannot be written (exit 2). Returns the diff.
 */
export async function writeEdits(dir: string, edits: readonly FileEdit[], hooks?: WriteHooks): Promise<string> {
  for (const e of edits) {
    const wrong = verifyEdit(e.raw.text, e.after, e.expect, e.changes);
    if (wrong) throw new UsageError(`not writing anything: ${e.raw.file}: ${wrong}; nothing was changed`, 1);
    // A value shown as a secret's fingerprint is never written back in place of the secret.
    if (e.after.split('\n').some((l) => isWithheld(l) && !e.raw.text.includes(l)))
      throw new UsageError(
        `not writing ${e.raw.file}: the change would write a value withheld because it holds a secret (see ` +
          `idac validate's secret/* finding); nothing was changed`,
        1,
      );
    // Nor does an edit ever add a secret (a token pasted into --reason): the old text's secrets stay, no new one is
    // written.
    const before = new Set((await secretMatches(e.raw.text)).map((m) => m.text));
    const added = (await secretMatches(e.after)).filter((m) => !before.has(m.text));
    if (added.length > 0)
      throw new UsageError(
        `not writing ${e.raw.file}: the change would add a secret (${added[0]!.rule}, fingerprint ` +
          `${fingerprint(added[0]!.text)}) to it; nothing was changed`,
        1,
      );
  }
  const written = await writeAtomically(
    dir,
    edits.map((e) => ({
      path: e.raw.file,
      bytes: Buffer.from(`${e.raw.bom ? '\ufeff' : ''}${e.after}`, 'utf8'),
      expected: e.raw.hash,
    })),
    hooks,
  );
  if (!written.ok) throw new UsageError(messageOf(written), exitCodeOf(written));
  // Context lines may be a comment holding a secret: the diff shows its fingerprint.
  let diff = '';
  for (const e of edits)
    diff += (await fileSecrets(e.raw.file, `${e.raw.text}\n${e.after}`)).redactor.text(
      unifiedDiff({ file: e.raw.file, before: e.raw.text, after: e.after }),
    );
  return diff;
}

/** The diff to commit, `a/` and `b/` as git shows it, one line of context. */
export function unifiedDiff(e: { file: string; before: string; after: string }): string {
  return createTwoFilesPatch(`a/${terminalSafe(e.file)}`, `b/${terminalSafe(e.file)}`, e.before, e.after, '', '', {
    context: 1,
  }).replace(/^(Index:.*\n)?=+\n/, '');
}
