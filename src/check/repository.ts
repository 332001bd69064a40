// The one reader of an identity repository: every manifest under identities/ read once through a
// Source (the working tree or a git revision), into the valid identities (data, text, positions),
// org.yaml (data and model), what was skipped and, when asked, validate's findings. Every command
// and feature starts here. Values that hold a secret are withheld (shown as their fingerprint) as
// validate withholds them; the secret scan is why reading a repository belongs to the check stage.

import type { Finding, Path } from '../common/findings.js';
import { baseName, IDENTITIES_DIR, ORG_FILE } from '../common/layout.js';
import { fail, type Failure } from '../common/result.js';
import { isOversize, type SourceEntry } from '../io/files.js';
import { decode, MAX_FILE_BYTES } from '../manifest/decode.js';
import { LineIndex, type Position } from '../manifest/line-index.js';
import { loadText } from '../manifest/load.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { Source } from '../manifest/source.js';
import { orgModel, type OrgModel } from '../model/org.js';
import type { FileOutcome } from '../rules/engine.js';
import { fileSecrets, pathSecrets, Redactor } from '../rules/secrets.js';
import { validate, type FileRunner } from './validate.js';

/** A valid MachineIdentity as read. */
export interface LoadedIdentity {
  /** The path as it is in the repository (edits are written to it). */
  path: string;
  /** The path as shown: a token in it replaced by its fingerprint. */
  file: string;
  /** Values that hold a secret are shown as their fingerprint (src/rules/secrets.ts). */
  data: MachineIdentity;
  /** The file's text, without a byte-order mark. */
  text: string;
  /** 1-based line and column of the value at a data path. */
  at(path: Path): Position;
}

/** A file under identities/ that is not a valid MachineIdentity (validate says why). */
export interface SkippedFile {
  path: string;
  /** The path as shown (see LoadedIdentity.file). */
  file: string;
  /** A symbolic link: listed, never followed. */
  link: boolean;
  /** The text when the file could be read as UTF-8 (read without `check` only), else null. */
  text: string | null;
}

export interface Repository {
  /** org.yaml's data with secrets withheld, or null when it is missing or invalid. */
  org: Organization | null;
  model: OrgModel | null;
  /** In listing order. */
  identities: LoadedIdentity[];
  skipped: SkippedFile[];
  /** validate's findings (with `check`), sorted; [] without. */
  findings: Finding[];
  /** How many files validate checked (with `check`). */
  checked: number;
  /** validate's per-file outcomes (with `check`), for summaries such as the inventory. */
  outcomes: FileOutcome[];
}

export interface LoadRepositoryOptions {
  /** Run validate over the files as they are read: findings, outcomes. */
  check?: {
    now: number;
    /** Checks many files (src/check/worker-pool.ts); defaults to one at a time in this thread. */
    runner?: FileRunner;
    /** What to check, repo-relative; defaults to identities/. Other paths imply `data: false`. */
    paths?: readonly string[];
  };
  /**
   * Keep the identities and org.yaml (default true). With `check` and `data: false` the result is
   * light: findings and outcomes only, as `idac validate` needs at 100,000 files.
   */
  data?: boolean;
}

/** Why the repository could not be read: its diagnostics, and the file that could not be read, if one. */
export type LoadFailure = Failure & {
  /** A file that could not be read (without `check`; validate reports it as parse/unreadable). */
  unreadable?: { file: string; error: unknown };
};

export type LoadResult = { ok: true; value: Repository } | LoadFailure;

/**
 * Reads the repository behind `source` (the working tree or a git revision): every file under
 * identities/ once. Without `check` no rule runs (who-can, rotation, offboard); with it validate
 * runs over the same read and its findings come back too (apply, report). A listing that fails,
 * or without `check` a file that cannot be read, is a failure, not an exception.
 */
export async function loadRepository(source: Source, opts: LoadRepositoryOptions = {}): Promise<LoadResult> {
  const data = opts.data ?? true;
  return opts.check ? checked(source, opts.check, data) : readOnly(source);
}

/** The files read and loaded, no rules run: what who-can, rotation, offboard and the like need. */
async function readOnly(source: Source): Promise<LoadResult> {
  const listing = await source.list([IDENTITIES_DIR]);
  if (!listing.ok) return listing;
  const repo: Repository = {
    org: null,
    model: null,
    identities: [],
    skipped: [],
    findings: [],
    checked: 0,
    outcomes: [],
  };
  for (const entry of listing.value) {
    let text: string | null = null;
    if (!entry.symlink) {
      let bytes;
      try {
        bytes = await source.read(entry.path, MAX_FILE_BYTES);
      } catch (error) {
        return {
          ...fail(`cannot read ${entry.path}`, { subject: entry.path }),
          unreadable: { file: entry.path, error },
        };
      }
      const decoded = isOversize(bytes) ? null : decode(bytes);
      text = decoded?.ok ? decoded.text : null;
    }
    const secrets = await fileSecrets(entry.path, text);
    if (entry.path === ORG_FILE) {
      const loaded = text === null ? null : loadText(text, { expect: 'Organization', fast: true });
      repo.org = loaded?.valid ? secrets.redactor.data(loaded.data as Organization) : null;
      repo.model = repo.org ? orgModel(repo.org) : null;
      continue;
    }
    const loaded = text === null ? null : loadText(text, { expect: 'MachineIdentity', fast: true });
    if (text !== null && loaded?.valid && loaded.kind === 'MachineIdentity') {
      repo.identities.push(
        located(entry.path, secrets.path, secrets.redactor.data(loaded.data as MachineIdentity), text),
      );
    } else repo.skipped.push(skipped(entry, secrets.path, text));
  }
  return { ok: true, value: repo };
}

/** validate over the files, keeping each valid identity's data and text from the same read. */
async function checked(
  source: Source,
  check: NonNullable<LoadRepositoryOptions['check']>,
  data: boolean,
): Promise<LoadResult> {
  const keep = data && check.paths === undefined;
  const result = await validate(source, {
    paths: check.paths ?? [IDENTITIES_DIR],
    now: check.now,
    ...(check.runner ? { runner: check.runner } : {}),
    ...(keep ? { keep: true } : {}),
  });
  if (!result.ok) return result;
  const { findings, outcomes, identities: count } = result.value;
  const repo: Repository = { org: null, model: null, identities: [], skipped: [], findings, checked: count, outcomes };
  if (!keep) return { ok: true, value: repo };
  repo.org = result.value.org;
  repo.model = repo.org ? orgModel(repo.org) : null;
  for (const o of outcomes) {
    // A token in the path is withheld from the data too, as fileSecrets does for readOnly.
    const inPath = (await pathSecrets(o.file)).map((m) => m.text);
    const shown = inPath.length === 0 ? o.file : new Redactor(inPath).text(o.file);
    if (o.kept)
      repo.identities.push(
        located(o.file, shown, inPath.length === 0 ? o.kept.data : new Redactor(inPath).data(o.kept.data), o.kept.text),
      );
    else
      repo.skipped.push({
        path: o.file,
        file: shown,
        link: o.findings.some((f) => f.rule === 'parse/symlink'),
        text: null,
      });
    delete o.kept;
  }
  return { ok: true, value: repo };
}

function located(path: string, file: string, data: MachineIdentity, text: string): LoadedIdentity {
  // Positions only when asked: most commands never point at a line.
  let index: { lines: LineIndex; locate: ReturnType<typeof loadText>['locate'] } | null = null;
  return {
    path,
    file,
    data,
    text,
    at: (p) => {
      index ??= {
        lines: new LineIndex(text),
        locate: loadText(text, { expect: 'MachineIdentity', fast: true }).locate,
      };
      return index.lines.at(index.locate(p, 'value'));
    },
  };
}

function skipped(entry: SourceEntry, file: string, text: string | null): SkippedFile {
  return { path: entry.path, file, link: entry.symlink === true, text };
}

/** org.yaml alone, read once: whether it exists, its text (null when not readable as UTF-8), its data and model. */
export interface LoadedOrg {
  exists: boolean;
  text: string | null;
  /** Secrets withheld; null when missing, a symbolic link or invalid. */
  data: Organization | null;
  model: OrgModel | null;
}

/**
 * org.yaml of `source`. `like`: the org.yaml of another revision, returned as it is when the text is
 * the same (the two sides of a plan usually share it, and parsing and scanning it is not free).
 */
export async function loadOrg(source: Source, like?: LoadedOrg): Promise<LoadedOrg> {
  const entry = await source.stat(ORG_FILE);
  if (!entry) return { exists: false, text: null, data: null, model: null };
  if (entry.symlink) return { exists: true, text: null, data: null, model: null };
  const bytes = await source.read(ORG_FILE, MAX_FILE_BYTES);
  const decoded = isOversize(bytes) ? null : decode(bytes);
  const text = decoded?.ok ? decoded.text : null;
  if (like?.exists && text !== null && like.text === text) return like;
  const loaded = text === null ? null : loadText(text, { expect: 'Organization', fast: true });
  const data =
    loaded?.valid && loaded.kind === 'Organization'
      ? (await fileSecrets(ORG_FILE, text)).redactor.data(loaded.data as Organization)
      : null;
  return { exists: true, text, data, model: data ? orgModel(data) : null };
}

/**
 * One manifest's bytes (a blob of a past commit, one side of a plan) as an identity: its text as
 * decoded (null when not UTF-8), its data when it is a valid MachineIdentity, and its name
 * (metadata.name, else the file's base name). The data is as written: the caller withholds it
 * when the file holds a secret, as history and plan do.
 */
export function identityOf(
  file: string,
  bytes: Uint8Array,
): { text: string | null; data: MachineIdentity | null; name: string } {
  const decoded = decode(bytes);
  const loaded = decoded.ok ? loadText(decoded.text, { expect: 'MachineIdentity', fast: true }) : null;
  const data = loaded?.valid && loaded.kind === 'MachineIdentity' ? (loaded.data as MachineIdentity) : null;
  return { text: decoded.ok ? decoded.text : null, data, name: data?.metadata.name ?? baseName(file) };
}

/**
 * `source` with each file read (and stat'ed) at most once: for a reader that visits a few files in
 * several passes, as plan does (validate, then each side's states, collisions and refusals).
 * Holds the bytes it read: for a handful of files, not a whole repository.
 */
export function readOnce(source: Source): Source {
  const reads = new Map<string, ReturnType<Source['read']>>();
  const stats = new Map<string, ReturnType<Source['stat']>>();
  return {
    label: source.label,
    list: (paths) => source.list(paths),
    read: (path, maxBytes) => {
      const key = `${maxBytes ?? ''}:${path}`;
      let r = reads.get(key);
      if (!r) reads.set(key, (r = source.read(path, maxBytes)));
      return r;
    },
    stat: (path) => {
      let s = stats.get(path);
      if (!s) stats.set(path, (s = source.stat(path)));
      return s;
    },
  };
}
