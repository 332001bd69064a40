// idac plan: what a change between two git revisions does, for the reviewer of a pull request.
// Reads both revisions with the git binary; needs no credentials and runs nothing from the change.

import { planOf as planAt, type PlanRequest } from '../plan/git.js';
import type { Plan } from '../plan/types.js';
import { parseDuration } from '../common/time.js';
import { common, oneOf, positiveInt, useColor } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

export type PlanFormat = (typeof FORMATS)[number];

/** A plan as text (for a terminal; `color` adds ANSI colours), JSON (the documented contract) or Markdown (a PR comment). */
export async function renderPlan(format: PlanFormat, plan: Plan, opts: { color: boolean } = { color: false }): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/plan-json.js')).renderPlanJson(plan, { docs: (await import('./package-info.js')).docsUrl });
    case 'markdown':
      return (await import('../render/plan-markdown.js')).renderPlanMarkdown(plan);
    default:
      return (await import('../render/plan-text.js')).renderPlanText(plan, { color: opts.color });
  }
}

/** The plan between two revisions (src/plan/git.ts); exits 2 when git cannot resolve them. */
export async function planOf(req: PlanRequest): Promise<Plan> {
  const plan = await planAt(req);
  if (!plan.ok) throw new UsageError(plan.message);
  return plan.value;
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
  const text = await renderPlan(format, plan, { color: opts.out === undefined && useColor(process.stdout) });
  await emit(text, opts.out);
  return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
