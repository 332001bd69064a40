import { lower } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/reviewer-not-owner',
    severity: 'error',
    title: 'Owner reviewed their own identity',
    rationale:
      'An access review is a second pair of eyes on what the identity may touch; an owner attesting their ' +
      'own identity is no review at all (four-eyes principle).',
    fix: 'Have someone other than the owner review the access and record them in spec.review.reviewer.',
    owasp: ['NHI1', 'NHI5'],
  },
  messages: {
    selfReview: 'reviewer {{reviewer}} is the owner; the review must be done by someone else',
  },
  check({ data }) {
    const review = data.spec.review;
    if (!review) return [];
    const { owner } = data.spec.stewardship;
    if (owner === undefined || lower(review.reviewer) !== lower(owner)) return [];
    return [{ path: ['spec', 'review', 'reviewer'], messageId: 'selfReview', data: { reviewer: review.reviewer } }];
  },
});
