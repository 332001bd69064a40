import { formatDuration, parseDuration } from '../../common/time.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'rotation/overlap-less-than-period',
    severity: 'error',
    title: 'Rotation overlap not shorter than the period',
    rationale:
      'The old credential stays valid for the overlap after a new one is issued; an overlap of a whole ' +
      'period or more keeps three or more credentials live, and AWS allows only two access keys per user, so ' +
      'rotation would fail.',
    fix:
      'Make spec.rotation.overlap shorter than spec.rotation.period (and the period greater than zero); an ' +
      'overlap of a day or two is usually enough for consumers to pick up the new credential.',
    owasp: ['NHI7'],
  },
  messages: {
    zeroPeriod: 'rotation period must be greater than zero',
    overlapTooLong:
      'rotation overlap {{overlap}} must be shorter than the period {{period}}, or more than two ' +
      'credentials are live at once',
  },
  check({ data }) {
    const rotation = data.spec.rotation;
    if (!rotation) return [];
    const period = parseDuration(rotation.period);
    const overlap = rotation.overlap === undefined ? 0 : parseDuration(rotation.overlap);
    if (period === null || overlap === null) return []; // schema/format reports it
    if (period === 0) return [{ path: ['spec', 'rotation', 'period'], messageId: 'zeroPeriod' }];
    if (overlap < period) return [];
    return [
      {
        path: ['spec', 'rotation', 'overlap'],
        messageId: 'overlapTooLong',
        data: { overlap: formatDuration(overlap), period: formatDuration(period) },
      },
    ];
  },
});
