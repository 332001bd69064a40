// The report formats, each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { Report } from './types.js';

export const reportRenderers = registry<Report, undefined, 'markdown' | 'json' | 'html' | 'csv'>({
  markdown: async () => (await import('./render-markdown.js')).renderReportMarkdown,
  json: async () => (await import('./render-json.js')).renderReportJson,
  html: async () => (await import('./render-html.js')).renderReportHtml,
  csv: async () => (await import('./render-csv.js')).renderReportCsv,
});
