// drift's formats, each loaded on first use.

import { registry } from '../../../common/renderer.js';
import type { DriftReport } from './types.js';

export const driftRenderers = registry<DriftReport, undefined, 'text' | 'json' | 'markdown'>({
  text: async () => (await import('./render.js')).driftText,
  json: async () => (await import('./render.js')).driftJson,
  markdown: async () => (await import('./render.js')).driftMarkdown,
});
