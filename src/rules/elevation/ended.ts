import { isoInstant, parseDateTime } from '../../common/time.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  ended: 'elevation ended at {{until}} (now {{now}}); remove it from the manifest',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/ended',
    severity: 'warning',
    title: 'Elevation has ended',
    rationale:
      'An elevation past its until grants nothing any more, but left in the manifest it clutters reviews ' +
      'and invites someone to extend it instead of asking again.',
    fix: 'Remove the ended entry from spec.elevations; git history keeps the record of what was granted.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      const until = parseDateTime(e.until);
      if (until !== null && until <= now)
        out.push({
          path: ['spec', 'elevations', i, 'until'],
          messageId: 'ended',
          data: { until: isoInstant(until), now: isoInstant(now) },
        });
    });
    return out;
  },
});
