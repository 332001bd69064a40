import { show } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  service:
    'service principal {{principal}} holds a wildcard: every AWS service it matches, acting for any customer, ' +
    'could assume the role; name one service principal',
  anyAccount: 'account trust names every AWS account ("*"): anyone with an AWS account could assume the role',
  anyRole:
    'account trust of {{account}} names role {{role}}; IAM takes no wildcard inside a principal ARN, so apply ' +
    'would fail; name the role, or drop role to trust the account (its root)',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-wildcard-principal',
    severity: 'error',
    title: 'Role trust names a wildcard principal',
    rationale:
      'A trust policy decides who can become the identity. A wildcard service principal admits services ' +
      'nobody reviewed, an account id "*" admits every AWS customer, and IAM refuses a wildcard inside a role ' +
      'ARN (only a bare "*" principal is accepted, which is the whole world).',
    fix:
      'Name the exact service principal (lambda.amazonaws.com), the twelve-digit account and the role in it ' +
      '(path/name), or the account alone to trust whoever its administrators allow.',
    owasp: ['NHI5', 'NHI4'],
  },
  messages,
  check({ data }) {
    const role = roleTrust(data);
    if (!role) return [];
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'service'))
      if (item.principal.includes('*'))
        out.push({ path: [...path, 'principal'], messageId: 'service', data: { principal: show(item.principal) } });
    for (const { item, path } of trustItems(role.trust, 'account')) {
      if (item.id === '*') out.push({ path: [...path, 'id'], messageId: 'anyAccount' });
      else if (item.role?.includes('*'))
        out.push({ path: [...path, 'role'], messageId: 'anyRole', data: { account: item.id, role: show(item.role) } });
    }
    return out;
  },
});
