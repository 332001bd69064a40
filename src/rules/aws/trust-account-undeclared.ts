import { accountTrusts } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  undeclared:
    'trusted account {{account}} is neither a target (org.yaml targets.aws) nor declared in org.yaml ' +
    'spec.trustedAccounts; a security owner must name the accounts that may become identities',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-account-undeclared',
    severity: 'error',
    title: 'Role trusts an account org.yaml does not declare',
    rationale:
      'A cross-account trust hands the role to whoever the other account lets assume it. Only accounts the ' +
      'organisation runs (targets.aws) or a security owner has vetted and named (spec.trustedAccounts, with ' +
      'thirdParty for vendors) may be trusted; a typo in a twelve-digit id would otherwise trust a stranger.',
    fix:
      'Use an account of targets.aws, or have a security owner add the account to spec.trustedAccounts in ' +
      'identities/org.yaml ({ name, thirdParty: true } for a vendor).',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    if (!org) return [];
    const out: Report<typeof messages>[] = [];
    for (const { item, path, own, trusted } of accountTrusts(data, org)) {
      // "*" is aws/trust-wildcard-principal's finding.
      if (item.id === '*' || own || trusted) continue;
      out.push({ path: [...path, 'id'], messageId: 'undeclared', data: { account: item.id } });
    }
    return out;
  },
});
