// The working tree's manifests for the commands that read people out of them and write small edits
// back (offboard, review): every identity file with its text, the ones that are not valid manifests,
// org.yaml; and the write that prints the diff to commit.

import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ORG_FILE } from '../check/validate.js';
import { FsSource, reason } from '../io/fs-source.js';
import { isOversize } from '../io/source.js';
import { decode, MAX_FILE_BYTES } from '../manifest/decode.js';
import { loadText } from '../manifest/load.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import { orgModel, type OrgModel } from '../model/org.js';
import { fileSecrets, isWithheld } from '../rules/secrets.js';
import { UsageError } from './errors.js';

export interface RepoManifests {
  identities: { file: string; data: MachineIdentity }[];
  /** Not a valid MachineIdentity; `text` is null when the file could not even be read as UTF-8 text. */
  invalid: { file: string; text: string | null }[];
  /** Null when org.yaml is missing or invalid. */
  org: OrgModel | null;
}

/** Exits 2 when identities/ cannot be listed, or a file in it read: the command cannot give a complete answer. */
export async function readManifests(dir: string): Promise<RepoManifests> {
  const source = new FsSource(dir);
  const listing = await source.list([ORG_FILE.slice(0, ORG_FILE.lastIndexOf('/'))]);
  if (!listing.ok) throw new UsageError(listing.message);
  const out: RepoManifests = { identities: [], invalid: [], org: null };
  for (const entry of listing.files) {
    let text: string | null = null;
    if (!entry.symlink) {
      const bytes = await source.read(entry.path, MAX_FILE_BYTES).catch((e: unknown) => {
        throw new UsageError(`cannot read ${entry.path}: ${reason(e)}; nothing was changed`);
      });
      const decoded = isOversize(bytes) ? null : decode(bytes);
      text = decoded?.ok ? decoded.text : null;
    }
    // Values that hold a secret are shown as their fingerprint; the path stays as it is on disk
    // (edits are written to it), and is redacted where printed (src/cli/redact-output.ts).
    const secrets = await fileSecrets(entry.path, text);
    if (entry.path === ORG_FILE) {
      const loaded = text === null ? null : loadText(text, { expect: 'Organization', fast: true });
      out.org = loaded?.valid ? orgModel(secrets.redactor.data(loaded.data as Organization)) : null;
      continue;
    }
    const loaded = text === null ? null : loadText(text, { expect: 'MachineIdentity', fast: true });
    if (loaded?.valid && loaded.kind === 'MachineIdentity') out.identities.push({ file: entry.path, data: secrets.redactor.data(loaded.data as MachineIdentity) });
    else out.invalid.push({ file: entry.path, text });
  }
  return out;
}

export interface FileEdit {
  file: string;
  before: string;
  after: string;
}

/** The file as it is on disk, byte for byte (a byte-order mark included), for an edit in place. */
export async function readRaw(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${reason(e)}; nothing was changed`);
  }
}

/**
 * Writes every edit (all were computed first, so a refusal writes nothing) and returns their diff.
 * Every file is checked for writing before the first is written, so a read-only file leaves the
 * others untouched too.
 */
export async function writeEdits(dir: string, edits: readonly FileEdit[]): Promise<string> {
  // A value shown as a secret's fingerprint is never written back in place of the secret.
  for (const e of edits) {
    const added = e.after.split('\n').filter((l) => isWithheld(l) && !e.before.includes(l));
    if (added.length > 0) throw new UsageError(`not writing ${e.file}: the change would write a value withheld because it holds a secret (see idac validate's secret/* finding); nothing was changed`, 1);
  }
  for (const e of edits) {
    try {
      await access(join(dir, e.file), constants.R_OK | constants.W_OK);
    } catch (err) {
      throw new UsageError(`cannot write ${e.file}: ${reason(err)}; nothing was changed`);
    }
  }
  let diff = '';
  for (const e of edits) {
    try {
      await writeFile(join(dir, e.file), e.after);
    } catch (err) {
      throw new UsageError(`cannot write ${e.file}: ${reason(err)}`);
    }
    // Context lines may be a comment holding a secret: the diff shows its fingerprint.
    diff += (await fileSecrets(e.file, `${e.before}\n${e.after}`)).redactor.text(unifiedDiff(e));
  }
  return diff;
}

/** The diff to commit, `a/` and `b/` as git shows it, one line of context. */
export function unifiedDiff(e: FileEdit): string {
  return createTwoFilesPatch(`a/${e.file}`, `b/${e.file}`, e.before, e.after, '', '', { context: 1 }).replace(/^(Index:.*\n)?=+\n/, '');
}

