import { parseDateTime } from '../../common/time.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  emptyWindow: 'elevation until {{until}} is not after from {{from}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/valid-window',
    severity: 'error',
    title: 'Elevation ends before it starts',
    rationale:
      'An elevation grants extra access only between from and until; a window that ends at or before its ' +
      'start is a typo (often swapped fields or a wrong time zone) and hides what was really approved.',
    fix: 'Set until later than from in spec.elevations, with the window the approver agreed to.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      const from = parseDateTime(e.from);
      const until = parseDateTime(e.until);
      if (from === null || until === null) return; // schema/format reports it
      if (from >= until)
        out.push({
          path: ['spec', 'elevations', i, 'until'],
          messageId: 'emptyWindow',
          data: { until: e.until, from: e.from },
        });
    });
    return out;
  },
});
