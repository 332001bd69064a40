// The review formats (the list of reviews due, a recorded attestation), each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { Attestation, ReviewList } from './render.js';

export const reviewRenderers = registry<ReviewList, undefined, 'text' | 'json'>({
  text: async () => (await import('./render.js')).renderReviewText,
  json: async () => (await import('./render.js')).renderReviewJson,
});

/** An attestation as text is the diff written; as JSON, the record with it. */
export const attestationRenderers = registry<Attestation, undefined, 'text' | 'json'>({
  text: () => Promise.resolve((a: Attestation) => a.diff),
  json: async () => (await import('./render.js')).renderAttestationJson,
});
