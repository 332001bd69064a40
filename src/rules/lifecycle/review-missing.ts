import { formatDuration, parseDuration } from '../../common/time.js';
import { defineRule } from '../types.js';

// A warning, not an error: a new identity is reviewed in the pull request that adds it, and
// spec.expires (within limits.maxLifetime) still bounds how long it can go without an attestation.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'lifecycle/review-missing',
    severity: 'warning',
    title: 'No access review recorded',
    rationale:
      'When org.yaml sets limits.reviewEvery, every identity needs an attestation by someone other than its ' +
      'owner that its access is still needed; without spec.review there is no date to count from.',
    fix:
      'After the first review, record it in spec.review (lastReviewed: the date, reviewer: a team member who ' +
      'is not the owner).',
    owasp: ['NHI1', 'NHI5'],
  },
  messages: {
    noReview: 'no review recorded in spec.review (org.yaml asks for one every {{every}})',
  },
  check({ data }, { org }) {
    const limit = org?.spec.limits?.reviewEvery;
    if (limit === undefined || data.spec.review) return [];
    const every = parseDuration(limit);
    return [
      {
        path: ['spec'],
        at: 'key',
        messageId: 'noReview',
        data: { every: every === null ? limit : formatDuration(every) },
      },
    ];
  },
});
