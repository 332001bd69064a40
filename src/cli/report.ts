// idac report: the inventory, the KPIs and the OWASP NHI Top 10 coverage of the repository, as
// Markdown, JSON, CSV (the inventory) or one self-contained HTML page. A report, not a gate: it
// exits 0 whatever it finds (validate is the gate), 2 when the repository cannot be read.

import { FsSource } from '../io/fs-source.js';
import { loadReportInput } from '../features/report/load.js';
import { buildReport } from '../features/report/report.js';
import type { Report } from '../features/report/types.js';
import { rules } from '../rules/index.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

const FORMATS = ['markdown', 'json', 'html', 'csv'] as const;

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'markdown');
  const { workerRunner } = await import('../check/worker-pool.js');
  const input = await loadReportInput(new FsSource(dir), { now, rules, runner: workerRunner(dir) });
  if (!input.ok) throw new UsageError(input.message);
  await emit(await render(format, buildReport(input.value)), opts.out);
  return 0;
}

async function render(format: (typeof FORMATS)[number], report: Report): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../features/report/render-json.js')).renderReportJson(report);
    case 'csv':
      return (await import('../features/report/render-csv.js')).renderReportCsv(report);
    case 'html':
      return (await import('../features/report/render-html.js')).renderReportHtml(report);
    default:
      return (await import('../features/report/render-markdown.js')).renderReportMarkdown(report);
  }
}
