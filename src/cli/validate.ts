import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadRepository } from '../check/repository.js';
import { IDENTITIES_DIR } from '../common/layout.js';
import { FsSource } from '../io/fs-source.js';
import { unpackInventory } from '../rules/engine.js';
import { common, oneOf, positiveInt, useColor } from './common.js';
import { UsageError } from './errors.js';
import { messageOf } from '../common/result.js';
import { findingsRenderers } from '../render/findings-formats.js';
import { renderFindings } from './findings-output.js';
import { emit } from './write.js';

/**
 * A PATH argument (relative to `base`: --dir when given, else the current directory) as a path
 * relative to the repository root; absolute paths are accepted if inside it.
 */
function withinRepo(dir: string, base: string, path: string): string {
  const rel = relative(dir, resolve(base, path)).split(sep).join('/');
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel))
    throw new UsageError(`${path} is outside the repository root ${dir} (set --dir)`);
  return rel === '' ? '.' : rel;
}

/**
 * IDAC_THREADS sets the number of threads (1: this thread only); set explicitly, it applies to a
 * repo of any size. By default big repos (see WORKER_THRESHOLD) use every core.
 */
function threadOptions(): { threads?: number; threshold?: number } {
  const raw = process.env.IDAC_THREADS;
  if (raw === undefined || raw === '') return {};
  if (!/^[1-9][0-9]?$/.test(raw))
    throw new UsageError(`IDAC_THREADS must be a whole number from 1 to 99, not ${JSON.stringify(raw)}`);
  return { threads: Number(raw), threshold: 0 };
}

export async function run(paths: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, base, now } = common(opts, paths.length === 0);
  const format = oneOf('--format', opts.format, findingsRenderers.formats, 'text');
  const max = positiveInt('--max-findings', opts.maxFindings, 500);
  const source = new FsSource(dir);
  const targets = paths.length ? paths.map((p) => withinRepo(dir, base, p)) : [IDENTITIES_DIR];
  const { workerRunner } = await import('../check/worker-pool.js');
  // Light: the findings and per-file outcomes only, never every identity's data (100,000 files).
  const result = await loadRepository(source, {
    check: { now, runner: workerRunner(dir, threadOptions()), paths: targets },
    data: false,
  });
  if (!result.ok) throw new UsageError(messageOf(result));
  const all = result.value.findings;
  // The list is cut; the summary, the JSON `truncated` count and the exit code still see every finding.
  const report = { identities: result.value.checked, findings: all, limit: { max, hint: `--max-findings ${max}` } };
  const text = await renderFindings(format, report, {
    color: opts.out === undefined && useColor(process.stdout),
    dir,
    ...(format === 'text'
      ? { inventory: result.value.outcomes.flatMap((o) => (o.inventory ? [unpackInventory(o.inventory)] : [])) }
      : {}),
  });
  await emit(text, opts.out);
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}
