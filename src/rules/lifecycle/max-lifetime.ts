import { DAY_MS, formatDuration, isoDate, parseDate, parseDuration } from '../../common/time.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'lifecycle/max-lifetime',
    severity: 'error',
    title: 'Expiry is further away than the maximum lifetime',
    rationale:
      'An expiry date far in the future is no expiry at all: limits.maxLifetime in org.yaml caps how long ' +
      'an identity may live before someone must decide again that it is still needed.',
    fix: 'Move spec.expires to the latest allowed date or earlier; extend it again after the next review.',
    owasp: ['NHI7'],
  },
  messages: {
    tooFar:
      'spec.expires {{expires}} is more than limits.maxLifetime {{limit}} away; the latest allowed date is {{latest}}',
  },
  check({ data }, { org, now }) {
    const limit = org?.spec.limits?.maxLifetime;
    if (limit === undefined) return [];
    const max = parseDuration(limit);
    const expires = parseDate(data.spec.expires);
    if (max === null || expires === null) return [];
    // SPEC §3: "expires - today", in whole UTC days, so the result does not depend on the hour of the run.
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    if (expires - today <= max) return [];
    return [
      {
        path: ['spec', 'expires'],
        messageId: 'tooFar',
        data: { expires: data.spec.expires, limit: formatDuration(max), latest: isoDate(today + max) },
      },
    ];
  },
});
