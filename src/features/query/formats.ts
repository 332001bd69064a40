// who-can's formats, each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { Match } from './who-can.js';
import type { AssumeMatch } from './who-can-assume.js';

/**
 * One answer: the matches (grants, or with `assume` who can become the identity), the manifests it
 * could not read, and what text says when nothing matches.
 */
export type WhoCanAnswer = { skipped: readonly string[]; none: string } & (
  { assume?: false; matches: readonly Match[] } | { assume: true; matches: readonly AssumeMatch[] }
);

export const whoCanRenderers = registry<WhoCanAnswer, undefined, 'text' | 'json'>({
  text: async () => {
    const { whoCanText, whoCanAssumeText } = await import('./render.js');
    return (a) => (a.assume === true ? whoCanAssumeText(a.matches, a.none) : whoCanText(a.matches, a.none));
  },
  json: async () => {
    const { whoCanJson } = await import('./render.js');
    return (a) => whoCanJson(a.matches, a.skipped);
  },
});
