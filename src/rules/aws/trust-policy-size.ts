import { trustPolicy } from '../../access/aws-trust-policy.js';
import { defineRule } from '../types.js';

/**
 * IAM's quota on a role trust policy: 2,048 characters by default, raisable to 4,096 through Service
 * Quotas. Whitespace does not count; idac's compiled document has none outside values.
 */
export const TRUST_POLICY_LIMIT = 2_048;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-policy-size',
    severity: 'error',
    title: 'Role trust policy over the IAM size quota',
    rationale:
      "IAM refuses a role whose trust policy is longer than the account's quota (2,048 characters unless raised, " +
      'at most 4,096). Every trust entry compiles to a statement of 200–400 characters, so a role trusted by a ' +
      'long list of subjects, devices or accounts fails at apply; measured on the policy idac compiles, the ' +
      'failure shows in the pull request instead.',
    fix:
      'Trust fewer principals per role (one identity per pipeline, device group or partner), or, where the ' +
      "account's quota was raised, record that with an exception for this rule.",
    owasp: ['NHI5'],
  },
  messages: {
    tooLarge:
      'the compiled trust policy is {{size}} characters for {{entries}} trust entries, over the IAM quota of ' +
      '{{limit}} characters for a role trust policy',
  },
  check({ data }, { org }) {
    const aws = data.spec.access.aws;
    if (!aws || aws.principal !== 'role' || !aws.trust || (data.spec.status ?? 'active') === 'decommissioned')
      return [];
    const size = trustPolicy(aws, { org }).replace(/\s/g, '').length;
    if (size <= TRUST_POLICY_LIMIT) return [];
    const entries = Object.values(aws.trust).reduce((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
    return [
      {
        path: ['spec', 'access', 'aws', 'trust'],
        at: 'key',
        messageId: 'tooLarge',
        data: { size, entries, limit: TRUST_POLICY_LIMIT },
      },
    ];
  },
});
