// idac plan: what a change between two git revisions does, for the reviewer of a pull request.
// Reads both revisions with the git binary; needs no credentials and runs nothing from the change.

import { planOf } from '../plan/git.js';
import { parseDuration } from '../common/time.js';
import { render } from '../common/renderer.js';
import { messageOf } from '../common/result.js';
import { planRenderers } from '../render/plan-formats.js';
import { docsUrl } from './package-info.js';
import { common, oneOf, positiveInt, useColor } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  // The worktree may have lost identities/ (a change that deletes them all): git still has them.
  const { dir, now } = common(opts, false);
  const format = oneOf('--format', opts.format, planRenderers.formats, 'text');
  const windowText = opts.window ?? '7d';
  const windowMs = parseDuration(windowText);
  if (windowMs === null)
    throw new UsageError(`--window ${JSON.stringify(windowText)} is not a duration: <int>(m|h|d), e.g. 7d`);
  const allowDeletions = positiveInt('--allow-deletions', opts.allowDeletions, 0);

  const planned = await planOf({
    dir,
    base: opts.base,
    head: opts.head,
    now,
    window: { ms: windowMs, text: windowText },
    allowDeletions,
  });
  if (!planned.ok) throw new UsageError(messageOf(planned));
  const plan = planned.value;
  const text = await render(planRenderers, format, plan, {
    color: opts.out === undefined && useColor(process.stdout),
    docs: docsUrl,
  });
  await emit(text, opts.out);
  return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
