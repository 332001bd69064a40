import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-on-user',
    severity: 'error',
    title: 'Trust on an AWS user',
    rationale:
      'Only a role has a trust policy; an IAM user signs in with static access keys. A trust written on ' +
      'principal: user is silently ignored, and the identity gets long-lived keys while its author believes ' +
      'it is federated.',
    fix:
      'Use principal: role to keep the trust, whatever its kind (no static secret), or remove ' +
      'spec.access.aws.trust if the identity really needs access keys.',
    owasp: ['NHI7'],
  },
  messages: {
    trustOnUser:
      'principal: user takes no trust (an IAM user authenticates with access keys); use principal: role or ' +
      'remove the trust',
  },
  check({ data }) {
    const aws = data.spec.access.aws;
    if (!aws || aws.principal !== 'user' || aws.trust === undefined) return [];
    return [{ path: ['spec', 'access', 'aws', 'trust'], at: 'key', messageId: 'trustOnUser' }];
  },
});
