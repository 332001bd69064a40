// idac as a library: the stable API, the same functions the command line runs. Importing it loads
// the core (manifests, rules, compile, plan, render) but never @pulumi/*: applying stays the CLI's.
//
//   import { loadRepository, workingTree, renderFindings } from 'idac';
//   const repo = await loadRepository(workingTree('.'), { check: { now: Date.now() } });

import { resolve } from 'node:path';
import { FsSource } from './io/fs-source.js';
import { GitSource } from './io/git-source.js';
import { openRepo, resolveCommit } from './io/git-revisions.js';
import type { Source } from './manifest/source.js';
import type { Result } from './common/result.js';
import { render } from './common/renderer.js';
import { planRenderers } from './render/plan-formats.js';
import type { Plan } from './plan/types.js';
import { docsUrl } from './cli/package-info.js';

// ── Load ─────────────────────────────────────────────────────────────────────────────────────────

export {
  /**
   * Reads a repository once through a {@link Source}: the valid identities (data, text, positions),
   * org.yaml (data and model), what was skipped and, with `check`, validate's findings. Values that
   * hold a secret come back as their fingerprint.
   */
  loadRepository,
  /** org.yaml alone, read once: whether it exists, its text, data and model. */
  loadOrg,
} from './check/repository.js';
export type {
  LoadedIdentity,
  LoadedOrg,
  LoadRepositoryOptions,
  LoadResult,
  Repository,
  SkippedFile,
} from './check/repository.js';
export type { Source } from './manifest/source.js';
export type { Listing, Oversize, SourceEntry } from './io/files.js';
export { CODEOWNERS_FILE, IDENTITIES_DIR, ORG_FILE } from './common/layout.js';

/**
 * The working tree of the identity repository at `dir` (the folder that holds `identities/`) as a
 * {@link Source}. Symbolic links are listed, never followed.
 */
export function workingTree(dir: string): Source {
  return new FsSource(resolve(dir));
}

/**
 * One git revision (`main`, a tag, a sha) of the identity repository at `dir`, read with the git
 * binary, as a {@link Source}; `close()` it when done. A message when `dir` is not in a git work
 * tree or the revision does not resolve (`messageOf` gives it as one line).
 */
export function gitRevision(dir: string, rev: string): Result<Source & { close(): void }> {
  const repo = openRepo(resolve(dir));
  if (!repo.ok) return repo;
  const sha = resolveCommit(repo.value, rev);
  if (!sha.ok) return sha;
  return { ok: true, value: new GitSource(repo.value.top, sha.value, repo.value.prefix) };
}

// ── Validate ─────────────────────────────────────────────────────────────────────────────────────

export {
  /**
   * Checks the manifests at `paths` (repo-relative) against every rule and returns the findings,
   * sorted, after exceptions; `loadRepository(source, { check })` runs it and keeps the data too.
   */
  validate,
} from './check/validate.js';
export type { FileRunner, ValidateOptions, ValidateResult } from './check/validate.js';
export type { Diagnostic, Failure, Result } from './common/result.js';
export { messageOf } from './common/result.js';
export type { Finding, Severity, Path } from './common/findings.js';
export type { Rule, RuleMeta } from './rules/types.js';
/** Every rule idac runs, with its metadata (id, severity, docs). */
export { rules } from './rules/index.js';

// ── Compile ──────────────────────────────────────────────────────────────────────────────────────

export {
  /** One identity's desired resources on its targets (AWS, Kubernetes, Vault): plain data, no secrets. */
  compileIdentity,
} from './compile/index.js';
export type { CompileContext, DesiredResource } from './compile/types.js';
export type { MachineIdentity } from './manifest/machine-identity.generated.js';
export type { Organization } from './manifest/organization.generated.js';
export type { OrgModel } from './model/org.js';

// ── Plan ─────────────────────────────────────────────────────────────────────────────────────────

export {
  /**
   * What a change between two git revisions does (`head` undefined: the working tree): access
   * gained and lost, resources, org.yaml changes, refusals and what falls due. What `idac plan` runs.
   */
  planOf as plan,
} from './plan/git.js';
export type { PlanRequest } from './plan/git.js';
export type { Plan } from './plan/types.js';

// ── Render ───────────────────────────────────────────────────────────────────────────────────────

export {
  /** Findings as `text`, `json`, `github` (workflow annotations) or `sarif`, as `idac validate` prints them. */
  renderFindings,
} from './cli/findings-output.js';
export type { FindingsFormat } from './cli/findings-output.js';
export type { FindingsReport } from './render/findings-report.js';
export type { PlanOptions } from './render/plan-formats.js';
/** The formats `renderPlan` takes: `text`, `json` (the documented contract) or `markdown` (a pull-request comment). */
export type PlanFormat = (typeof planRenderers.formats)[number];

/** A plan in `format`, as `idac plan` prints it (`color` adds ANSI colours to text). */
export async function renderPlan(
  format: PlanFormat,
  plan: Plan,
  opts: { color: boolean } = { color: false },
): Promise<string> {
  return render(planRenderers, format, plan, { color: opts.color, docs: docsUrl });
}

// ── Time ─────────────────────────────────────────────────────────────────────────────────────────

export {
  /** `2026-11-23` or an ISO instant as milliseconds since the epoch (the `now` every function takes), or null. */
  parseInstant,
} from './common/time.js';
