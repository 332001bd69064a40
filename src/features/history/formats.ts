// The history formats, each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { HistoryReport } from './render.js';

export const historyRenderers = registry<HistoryReport, undefined, 'text' | 'json' | 'markdown'>({
  text: async () => (await import('./render.js')).renderHistoryText,
  json: async () => (await import('./render.js')).renderHistoryJson,
  markdown: async () => (await import('./render.js')).renderHistoryMarkdown,
});
