import { formatDuration, parseDuration } from '../../common/time.js';
import { staticCredentials } from '../lib/static-credentials.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  tooLong: 'rotation period {{period}} exceeds the {{kind}} limit of {{limit}} in org.yaml limits.rotation',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'rotation/max-period',
    severity: 'error',
    title: 'Rotation period longer than the organisation allows',
    rationale:
      'The rotation period bounds how long a leaked static credential stays usable; org.yaml ' +
      'limits.rotation sets the longest period per credential kind.',
    fix:
      'Shorten spec.rotation.period to at most the limit in identities/org.yaml limits.rotation for the ' +
      'credential kind.',
    owasp: ['NHI7'],
  },
  messages,
  check({ data }, { org }) {
    const limits = org?.spec.limits?.rotation;
    const rotation = data.spec.rotation;
    if (!limits || !rotation) return [];
    const period = parseDuration(rotation.period);
    if (period === null) return []; // schema/format reports it
    const out: Report<typeof messages>[] = [];
    for (const kind of staticCredentials(data)) {
      const text = limits[kind];
      const max = text === undefined ? null : parseDuration(text);
      if (max !== null && period > max) {
        out.push({
          path: ['spec', 'rotation', 'period'],
          messageId: 'tooLong',
          data: { period: formatDuration(period), kind, limit: formatDuration(max) },
        });
      }
    }
    return out;
  },
});
