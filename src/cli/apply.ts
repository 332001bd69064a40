// idac apply: parses the flags, runs src/apply/run.ts (loaded only here, with @pulumi/* behind it)
// and prints its summary in the format asked for.

import { messageOf } from '../common/result.js';
import { render } from '../common/renderer.js';
import { common, oneOf, positiveInt } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

function teamsFlag(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) => String(v).split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const { applySummaryRenderers } = await import('../apply/summary-formats.js');
  const format = oneOf('--format', opts.format, applySummaryRenderers.formats, 'text');
  const parallel = positiveInt('--parallel', opts.parallel, 4);
  if (parallel < 1) throw new UsageError('--parallel must be at least 1');
  const preview = opts.preview !== undefined && (opts.preview as unknown) !== false;
  // Progress goes where it does not mix with a JSON report.
  const progress = (line: string): void => {
    (format === 'text' ? process.stdout : process.stderr).write(`${line}\n`);
  };

  const { runApply } = await import('../apply/run.js');
  const ran = await runApply({
    dir,
    now,
    parallel,
    preview,
    teams: teamsFlag(opts.team),
    plan: opts.plan,
    secretsProvider: opts.secretsProvider ?? process.env.IDAC_SECRETS_PROVIDER ?? null,
    env: process.env,
    progress,
  });
  if (!ran.ok) throw new UsageError(messageOf(ran));
  const result = ran.value;
  if (result.kind === 'invalid') {
    const { renderFindings } = await import('./findings-output.js');
    process.stderr.write(
      await renderFindings(
        'text',
        {
          identities: result.identities,
          findings: result.errors,
          limit: { max: 50, hint: 'idac validate lists them all' },
        },
        { color: false, dir },
      ),
    );
    process.stderr.write(
      `idac apply: the repository has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} ` +
        `(idac validate shows them all). Nothing was applied.\n`,
    );
    return 1;
  }
  if (result.kind === 'stale-plan') {
    process.stderr.write(result.message);
    return 1;
  }
  const { outcome } = result;
  await emit(await render(applySummaryRenderers, format, outcome, undefined), opts.out);
  if (outcome.kind === 'refused') return 1;
  return outcome.teams.some((t) => t.status === 'failed') ? 1 : 0;
}
