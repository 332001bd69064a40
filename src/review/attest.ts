// An access review recorded where the identity lives: spec.review gets today's date and the
// reviewer, and the `review:` block is added after `expires` (where SPEC §2 has it) when the
// identity was never reviewed. Everything else in the file stays byte for byte.

import { assign, type EditResult } from '../manifest/edit.js';

const AFTER = ['expires', 'stewardship'];

export function attestText(text: string, review: { lastReviewed: string; reviewer: string }): EditResult {
  return assign(text, [
    { path: ['spec', 'review', 'lastReviewed'], value: review.lastReviewed, after: AFTER },
    { path: ['spec', 'review', 'reviewer'], value: review.reviewer, after: AFTER },
  ]);
}
