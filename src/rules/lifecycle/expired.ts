import { isExpired } from '../../common/time.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'lifecycle/expired',
    severity: 'error',
    title: 'Identity has expired',
    rationale:
      'Every identity has a mandatory end of life so that forgotten ones die on their own; one past its ' +
      'expiry date is exactly the forgotten identity the date was meant to catch (SPEC §2: expired from the ' +
      'start of the day after expires).',
    fix:
      'If it is still needed, have its access reviewed and move spec.expires forward (within ' +
      'limits.maxLifetime); otherwise set spec.status: decommissioned.',
    owasp: ['NHI1', 'NHI7'],
  },
  messages: {
    expired: 'expired: spec.expires is {{expires}} (valid through the end of that day, UTC)',
  },
  // A suspended identity still expires: suspension is a pause, not a retirement.
  check({ data }, { now }) {
    if (!isExpired(data.spec.expires, now)) return [];
    return [{ path: ['spec', 'expires'], messageId: 'expired', data: { expires: data.spec.expires } }];
  },
});
