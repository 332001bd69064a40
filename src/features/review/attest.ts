// An access review recorded where the identity lives: spec.review gets today's date and the
// reviewer, and the `review:` block is added after `expires` (where SPEC §2 has it) when the
// identity was never reviewed. Everything else in the file stays byte for byte.

import { assign, type Assignment, type EditResult } from '../../manifest/edit.js';

const AFTER = ['expires', 'stewardship'];

/** The two values an attestation sets (also what the written file is checked against). */
export function attestChanges(review: { lastReviewed: string; reviewer: string }): Assignment[] {
  return [
    { path: ['spec', 'review', 'lastReviewed'], value: review.lastReviewed, after: AFTER },
    { path: ['spec', 'review', 'reviewer'], value: review.reviewer, after: AFTER },
  ];
}

export function attestText(text: string, review: { lastReviewed: string; reviewer: string }): EditResult {
  return assign(text, attestChanges(review));
}
