// who-can's formats, each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { Match } from './who-can.js';

/** One answer: the matches, the manifests it could not read, and what text says when nothing matches. */
export interface WhoCanAnswer {
  matches: readonly Match[];
  skipped: readonly string[];
  none: string;
}

export const whoCanRenderers = registry<WhoCanAnswer, undefined, 'text' | 'json'>({
  text: async () => {
    const { whoCanText } = await import('./render.js');
    return (a) => whoCanText(a.matches, a.none);
  },
  json: async () => {
    const { whoCanJson } = await import('./render.js');
    return (a) => whoCanJson(a.matches, a.skipped);
  },
});
