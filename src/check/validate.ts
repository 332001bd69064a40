// validate: load org.yaml, check every manifest (in this thread or, for big repos, in workers),
// run the cross-file rules over compact summaries, drop what a valid exception covers, sort.

import { compareFindings, formatPath, type Finding } from '../common/findings.js';
import { CODEOWNERS_FILE, IDENTITIES_DIR, ORG_FILE } from '../common/layout.js';
import { parseCodeowners } from '../model/codeowners.js';
import { readCertificateAuthorities } from './certificate-authorities.js';
import { decode, MAX_FILE_BYTES, tooLarge } from '../manifest/decode.js';
import type { Organization } from '../manifest/organization.generated.js';
import { orgModel, type OrgModel } from '../model/org.js';
import type { Source } from '../manifest/source.js';
import { ok, type Result } from '../common/result.js';
import { isOversize, normalisePath, type SourceEntry } from '../io/files.js';
import { codePoint } from '../manifest/text-checks.js';
import { firstInvisible } from '../common/escape.js';
import {
  checkFile,
  checkRepo,
  finding,
  placed,
  placeReports,
  reportFinding,
  type FileOutcome,
} from '../rules/engine.js';
import { PARSE_FILE_NAME, PARSE_SIZE, PARSE_SYMLINK, PARSE_UNREADABLE } from '../manifest/load-rule-ids.js';
import { ORG_MISSING } from '../rules/org/missing.js';
import { ruleById } from '../rules/index.js';
import { pathSecrets, Redactor } from '../rules/secrets.js';
import type { MessageData, RepoContext } from '../rules/types.js';
import {
  activeExceptions,
  ownersFromSummaries,
  UNKNOWN_IDENTITY,
  unknownIdentityReports,
} from '../rules/lib/exceptions.js';

export interface ValidateOptions {
  paths: readonly string[];
  now: number;
  /** Checks many files; defaults to one at a time in this thread. */
  runner?: FileRunner;
  fast?: boolean;
  /** Keep each valid identity's data and text in its outcome (FileOutcome.kept). */
  keep?: boolean;
}

export interface RunnerInput {
  files: readonly SourceEntry[];
  org: Organization | null;
  now: number;
  fast: boolean;
  keep?: boolean;
}

export type FileRunner = (source: Source, input: RunnerInput) => Promise<FileOutcome[]>;

export interface ValidateResult {
  identities: number;
  findings: Finding[];
  /** MachineIdentity files that loaded and passed their schema, by name (for summaries). */
  outcomes: FileOutcome[];
  /** org.yaml's data (secrets withheld), or null when it is missing or invalid. */
  org: Organization | null;
}

/**
 * Checks the manifests at `opts.paths` (repo-relative; a folder means every manifest under it)
 * against every rule, with org.yaml, CODEOWNERS and the cross-file rules: the findings sorted and
 * after exceptions, and each file's compact outcome. A listing that fails is a failure.
 */
export async function validate(source: Source, opts: ValidateOptions): Promise<Result<ValidateResult>> {
  const listing = await source.list(opts.paths);
  if (!listing.ok) return listing;
  const fast = opts.fast ?? true;
  const findings: Finding[] = [];

  const orgFile = await locateOrg(source, opts.paths);
  const orgEntry = await source.stat(orgFile);
  let org: Organization | null = null;
  let orgOutcome: FileOutcome | null = null;
  if (orgEntry?.symlink) {
    findings.push(reportFinding(PARSE_SYMLINK, orgFile, null, 1, 1, 'symlink'));
  } else if (!orgEntry) {
    // A look-alike name is the usual cause; say so rather than leave the user hunting.
    const near = await source.stat(orgFile.replace(/\.yaml$/, '.yml'));
    const hint = near ? `; found ${near.path}: rename it to ${orgFile}` : '';
    findings.push(reportFinding(ORG_MISSING, orgFile, null, 1, 1, 'missing', { orgFile, hint }));
  } else {
    orgOutcome = await checkOne(source, orgEntry, 'Organization', { org: null, now: opts.now, fast });
    org = orgOutcome.org ?? null;
  }
  const model: OrgModel | null = org ? orgModel(org) : null;

  const files = listing.value.filter((f) => f.path !== orgFile);
  const runner = opts.runner ?? inProcess;
  const outcomes = await runner(source, { files, org, now: opts.now, fast, ...(opts.keep ? { keep: true } : {}) });
  // org.yaml's findings come with the run when it is among the paths, and always when it is
  // broken: every identity is judged against it, so a broken org.yaml must never pass silently.
  if (orgOutcome && (org === null || listing.value.some((f) => f.path === orgFile)))
    findings.push(...orgOutcome.findings);
  for (const o of outcomes) findings.push(...o.findings);

  // Cross-file rules: positions only for the few files they report on.
  const covers = coversFolder(opts.paths, orgFile);
  const codeowners = covers ? await readCodeowners(source, orgFile, listing.value) : null;
  // The CA files are reported on org.yaml, so only by a run that reports on org.yaml.
  const certificateAuthorities =
    org && (covers || listing.value.some((f) => f.path === orgFile))
      ? await readCertificateAuthorities(source, org, orgFile)
      : null;
  const reports = checkRepo(outcomes, { org: model, now: opts.now, orgFile, codeowners, certificateAuthorities });
  // Only a run over the whole identities/ folder can tell that an exception's identity is gone.
  if (model && covers) {
    for (const r of unknownIdentityReports(model, identityNames(outcomes)))
      reports.push({ ...placed(ruleById.get(UNKNOWN_IDENTITY)!, r), file: orgFile, identity: null });
  }
  const byFile = new Map<string, typeof reports>();
  for (const r of reports) {
    if (r.position)
      findings.push(
        finding(
          r.rule,
          r.file,
          r.identity,
          r.position.line,
          r.position.column,
          r.message,
          r.messageId,
          formatPath(r.path),
        ),
      );
    else byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  }
  for (const [file, rs] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = await source.read(file, MAX_FILE_BYTES);
    if (!isOversize(bytes))
      findings.push(...placeReports(file, bytes, file === orgFile ? 'Organization' : 'MachineIdentity', rs));
  }

  const excepted = model ? activeExceptions(model, opts.now, ownersFromSummaries(outcomes)) : null;
  const kept = excepted ? findings.filter((f) => !(f.identity && excepted.get(f.identity)?.has(f.rule))) : findings;
  return ok({ identities: files.length, findings: (await withheldPaths(kept)).sort(compareFindings), outcomes, org });
}

/** A finding in a file named after a token (a cross-file rule's too) shows the path with its fingerprint. */
async function withheldPaths(findings: Finding[]): Promise<Finding[]> {
  const paths = new Map<string, string>();
  for (const f of findings) {
    if (paths.has(f.file)) continue;
    const matches = await pathSecrets(f.file);
    paths.set(f.file, matches.length === 0 ? f.file : new Redactor(matches.map((m) => m.text)).text(f.file));
  }
  return findings.map((f) => (paths.get(f.file) === f.file ? f : { ...f, file: paths.get(f.file)!, identity: null }));
}

/**
 * The CODEOWNERS of the repository `orgFile` belongs to (`<root>/identities/org.yaml` → `<root>/.github/CODEOWNERS`).
 */
async function readCodeowners(
  source: Source,
  orgFile: string,
  listed: readonly SourceEntry[],
): Promise<RepoContext['codeowners']> {
  const root = orgFile.split('/').slice(0, -2).join('/');
  const path = root === '' ? CODEOWNERS_FILE : `${root}/${CODEOWNERS_FILE}`;
  const entry = await source.stat(path);
  if (!entry || entry.symlink) return null;
  const bytes = await source.read(path, MAX_FILE_BYTES);
  if (isOversize(bytes)) return null;
  const decoded = decode(bytes);
  return decoded.ok
    ? { parsed: parseCodeowners(decoded.text), root, present: new Set(listed.map((f) => f.path)) }
    : null;
}

/** Whether `paths` include the whole folder holding `orgFile` (`identities`, `.`, or a parent of it). */
function coversFolder(paths: readonly string[], orgFile: string): boolean {
  const folder = orgFile.slice(0, orgFile.lastIndexOf('/'));
  return paths.some((raw) => {
    const p = normalisePath(raw);
    return p === '' || p === folder || folder.startsWith(`${p}/`);
  });
}

/** Every identity name the run saw: metadata.name where readable, and each file's base name, which must equal it. */
function identityNames(outcomes: readonly FileOutcome[]): Set<string> {
  const names = new Set<string>();
  for (const o of outcomes) {
    if (o.identity !== null) names.add(o.identity);
    names.add(o.file.slice(o.file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, ''));
  }
  return names;
}

/**
 * The org.yaml that governs the given paths: the one in the nearest enclosing `identities/`
 * folder (so `validate examples/acme/identities` uses that repo's org), else identities/org.yaml.
 */
async function locateOrg(source: Source, paths: readonly string[]): Promise<string> {
  for (const raw of paths) {
    const segs = normalisePath(raw).split('/');
    for (let i = segs.length; i >= 1; i--) {
      if (segs[i - 1] !== IDENTITIES_DIR) continue;
      const candidate = [...segs.slice(0, i), 'org.yaml'].join('/');
      if (await source.stat(candidate)) return candidate;
    }
  }
  return ORG_FILE;
}

export const inProcess: FileRunner = async (source, input) => {
  const model = input.org ? orgModel(input.org) : null;
  const out: FileOutcome[] = [];
  for (const f of input.files)
    out.push(
      await checkOne(source, f, 'MachineIdentity', {
        org: model,
        now: input.now,
        fast: input.fast,
        ...(input.keep ? { keep: true } : {}),
      }),
    );
  return out;
};

export async function checkOne(
  source: Source,
  entry: SourceEntry,
  expect: 'MachineIdentity' | 'Organization',
  opts: { org: OrgModel | null; now: number; fast: boolean; keep?: boolean },
): Promise<FileOutcome> {
  const outcome = await checkContent(source, entry, expect, opts);
  const named = fileNameFinding(entry.path);
  return named ? { ...outcome, findings: [named, ...outcome.findings] } : outcome;
}

/**
 * A file name with a control, bidi, zero-width or look-alike space character (parse/file-name).
 * Every output escapes it (render/escape.ts); the finding says to rename the file.
 */
export function fileNameFinding(path: string): Finding | null {
  const c = firstInvisible(path);
  if (c === null) return null;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points
  const n = [...path].filter((x) => firstInvisible(x) !== null).length;
  const what = /^[\p{Cc}]$/u.test(c)
    ? 'control character'
    : /^[\p{Zs}]$/u.test(c)
      ? 'look-alike space'
      : 'invisible or bidirectional character';
  return reportFinding(PARSE_FILE_NAME, path, null, 1, 1, 'invisibleCharacter', {
    what,
    codePoint: codePoint(c),
    more: n > 1 ? ` (and ${n - 1} more)` : '',
  });
}

async function checkContent(
  source: Source,
  entry: SourceEntry,
  expect: 'MachineIdentity' | 'Organization',
  opts: { org: OrgModel | null; now: number; fast: boolean; keep?: boolean },
): Promise<FileOutcome> {
  const failed = (rule: string, messageId: string, data: MessageData): FileOutcome => ({
    file: entry.path,
    kind: null,
    identity: null,
    findings: [reportFinding(rule, entry.path, null, 1, 1, messageId, data)],
    summaries: '',
  });
  if (entry.symlink) return failed(PARSE_SYMLINK, 'symlink', {});
  // The size cap holds before a byte is read.
  let bytes;
  try {
    bytes = await source.read(entry.path, MAX_FILE_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return failed(PARSE_UNREADABLE, 'unreadable', {
      reason:
        code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ELOOP'
            ? 'it became a symbolic link'
            : (e as Error).message,
    });
  }
  const big = tooLarge(isOversize(bytes) ? bytes.oversize : 0);
  if (big)
    return {
      file: entry.path,
      kind: null,
      identity: null,
      findings: [finding(PARSE_SIZE, entry.path, null, 1, 1, big, 'tooLarge')],
      summaries: '',
    };
  return checkFile(entry.path, bytes as Uint8Array, expect, opts);
}
