import { formatDuration, parseDateTime, parseDuration } from '../../common/time.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  tooLong: 'elevation window {{window}} exceeds the limit of {{limit}} in org.yaml limits.maxElevation',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/max-window',
    severity: 'error',
    title: 'Elevation window longer than the organisation allows',
    rationale:
      'Just-in-time access is only just-in-time while it is short; org.yaml limits.maxElevation caps how ' +
      'long an elevation may last so it cannot turn into standing privilege.',
    fix:
      'Shorten the elevation to at most limits.maxElevation, or request a new elevation later; put lasting ' +
      'needs into spec.access through a normal review.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { org }) {
    const limit = org?.spec.limits?.maxElevation;
    const max = limit === undefined ? null : parseDuration(limit);
    if (max === null) return [];
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      const from = parseDateTime(e.from);
      const until = parseDateTime(e.until);
      if (from === null || until === null || until <= from) return; // elevation/valid-window reports an empty window
      if (until - from > max)
        out.push({
          path: ['spec', 'elevations', i, 'until'],
          messageId: 'tooLong',
          data: { window: formatDuration(until - from), limit: formatDuration(max) },
        });
    });
    return out;
  },
});
