// idac report: the inventory, the KPIs and the OWASP NHI Top 10 coverage of the repository, as
// Markdown, JSON, CSV (the inventory) or one self-contained HTML page. A report, not a gate: it
// exits 0 whatever it finds (validate is the gate), 2 when the repository cannot be read.

import { FsSource } from '../io/fs-source.js';
import { loadReportInput } from '../features/report/load.js';
import { buildReport } from '../features/report/report.js';
import { reportRenderers } from '../features/report/formats.js';
import { render } from '../common/renderer.js';
import { messageOf } from '../common/result.js';
import { rules } from '../rules/index.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, reportRenderers.formats, 'markdown');
  const { workerRunner } = await import('../check/worker-pool.js');
  const input = await loadReportInput(new FsSource(dir), { now, rules, runner: workerRunner(dir) });
  if (!input.ok) throw new UsageError(messageOf(input));
  await emit(await render(reportRenderers, format, buildReport(input.value), undefined), opts.out);
  return 0;
}
