// idac plan: what a change between two git revisions does, for the reviewer of a pull request.
// Reads both revisions with the git binary; needs no credentials and runs nothing from the change.

import { FsSource } from '../io/fs-source.js';
import { GitSource } from '../io/git-source.js';
import { changedFiles, defaultBase, openRepo, resolveCommit, type GitResult } from '../io/git-revisions.js';
import { planRevisions } from '../plan/revisions.js';
import type { Plan } from '../plan/types.js';
import { parseDuration } from '../common/time.js';
import { common, oneOf, positiveInt, useColor } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

function must<T>(r: GitResult<T>): T {
  if (!r.ok) throw new UsageError(r.message);
  return r.value;
}

export interface PlanRequest {
  dir: string;
  /** A revision, or undefined for the merge-base with the default branch. */
  base: string | undefined;
  /** A revision, or undefined for the working tree. */
  head: string | undefined;
  now: number;
  window: { ms: number; text: string };
  allowDeletions: number;
}

/** The plan between two revisions of the repo at `dir` (also what `apply --plan` recomputes). */
export async function planOf(req: PlanRequest): Promise<Plan> {
  const { dir, now } = req;
  const repo = must(openRepo(dir));
  const headSha = req.head === undefined ? null : must(resolveCommit(repo, req.head));
  const base = req.base === undefined ? must(defaultBase(repo, req.head ?? 'HEAD')) : { rev: req.base, sha: must(resolveCommit(repo, req.base)) };
  const changed = must(changedFiles(repo, dir, base.sha, headSha, 'identities'));

  const baseSource = new GitSource(repo.top, base.sha, repo.prefix);
  const headSource = headSha === null ? new FsSource(dir) : new GitSource(repo.top, headSha, repo.prefix);
  try {
    return await planRevisions({
      base: { source: baseSource, sha: base.sha, label: base.rev },
      head: { source: headSource, sha: headSha, label: req.head ?? 'WORKTREE' },
      changed: changed.map((c) => c.path),
      now,
      window: req.window,
      allowDeletions: req.allowDeletions,
    });
  } finally {
    baseSource.close();
    if (headSource instanceof GitSource) headSource.close();
  }
}

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  // The worktree may have lost identities/ (a change that deletes them all): git still has them.
  const { dir, now } = common(opts, false);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  const windowText = opts.window ?? '7d';
  const windowMs = parseDuration(windowText);
  if (windowMs === null) throw new UsageError(`--window ${JSON.stringify(windowText)} is not a duration: <int>(m|h|d), e.g. 7d`);
  const allowDeletions = positiveInt('--allow-deletions', opts.allowDeletions, 0);

  const plan = await planOf({ dir, base: opts.base, head: opts.head, now, window: { ms: windowMs, text: windowText }, allowDeletions });
  let text: string;
  switch (format) {
    case 'json':
      text = (await import('../render/plan-json.js')).renderPlanJson(plan, { docs: (await import('./package-info.js')).docsUrl });
      break;
    case 'markdown':
      text = (await import('../render/plan-markdown.js')).renderPlanMarkdown(plan);
      break;
    default:
      text = (await import('../render/plan-text.js')).renderPlanText(plan, { color: opts.out === undefined && useColor(process.stdout) });
  }
  await emit(text, opts.out);
  return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
