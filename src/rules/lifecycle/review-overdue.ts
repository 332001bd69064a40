import { DAY_MS, formatDuration, isoDate, parseDate, parseDuration } from '../../common/time.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'lifecycle/review-overdue',
    severity: 'error',
    title: 'Access review overdue',
    rationale:
      'Access that nobody looks at only grows; org.yaml limits.reviewEvery makes someone other than the ' +
      'owner attest at a fixed interval that the identity and its access are still needed.',
    fix:
      "Review the identity's purpose and access, then record the review in spec.review (lastReviewed: today's " +
      'date, reviewer: who did it).',
    owasp: ['NHI1', 'NHI5'],
  },
  messages: {
    inFuture:
      'spec.review.lastReviewed {{lastReviewed}} is in the future (today is {{today}}); record the date the ' +
      'review took place',
    overdue:
      'review overdue: last reviewed {{lastReviewed}}, the next review fell due on {{due}} ' +
      '(limits.reviewEvery {{every}})',
  },
  check({ data }, { org, now }) {
    const limit = org?.spec.limits?.reviewEvery;
    if (limit === undefined) return [];
    const every = parseDuration(limit);
    if (every === null) return [];
    const review = data.spec.review;
    if (!review) return []; // lifecycle/review-missing: a new identity is reviewed in its pull request
    const last = parseDate(review.lastReviewed);
    if (last === null) return [];
    // SPEC §3: "today - review.lastReviewed" in whole UTC days, like expires: the due date itself is still fine.
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    const path = ['spec', 'review', 'lastReviewed'];
    if (last > today)
      return [{ path, messageId: 'inFuture', data: { lastReviewed: review.lastReviewed, today: isoDate(today) } }];
    if (today - last <= every) return [];
    return [
      {
        path,
        messageId: 'overdue',
        data: { lastReviewed: review.lastReviewed, due: isoDate(last + every), every: formatDuration(every) },
      },
    ];
  },
});
