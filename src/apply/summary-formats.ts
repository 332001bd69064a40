// The formats of apply's summary, each loaded on first use.

import { registry } from '../common/renderer.js';
import type { ApplyOutcome } from './driver.js';

export const applySummaryRenderers = registry<ApplyOutcome, undefined, 'text' | 'json' | 'markdown'>({
  text: async () => (await import('./summary.js')).renderApplyText,
  json: async () => (await import('./summary.js')).renderApplyJson,
  markdown: async () => (await import('./summary.js')).renderApplyMarkdown,
});
