import { coversEveryRole } from '../../access/arn.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  anyRole: 'iam:PassRole on {{resource}} can hand any role, however privileged, to a service the identity controls',
  anyRoleThrough:
    'iam:PassRole (through {{declared}}) on {{resource}} can hand any role, however privileged, to a ' +
    'service the identity controls',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/passrole-any',
    severity: 'error',
    title: 'iam:PassRole on every role',
    rationale:
      'iam:PassRole on "*" (or on role/* of an account) lets the identity hand any role, the administrator ' +
      "role included, to a service that runs its code, and so act with that role's rights. An " +
      'iam:PassedToService condition limits which service receives the role, not which role is passed, so ' +
      'the role ARN stays the limit that matters.',
    fix:
      'Scope iam:PassRole to the ARN of the one role the workload must pass, e.g. ' +
      'arn:aws:iam::123456789012:role/app-task.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    const seen = new Set<string>();
    for (const g of access.grants) {
      if (g.target !== 'aws' || (g.action !== '*' && g.action !== 'iam:PassRole') || !coversEveryRole(g.resource))
        continue;
      const key = JSON.stringify(g.path);
      if (seen.has(key)) continue;
      seen.add(key);
      if (g.declared === 'iam:PassRole')
        out.push({ path: g.path, messageId: 'anyRole', data: { resource: show(g.resource) } });
      else
        out.push({
          path: g.path,
          messageId: 'anyRoleThrough',
          data: { declared: show(g.declared), resource: show(g.resource) },
        });
    }
    return out;
  },
});
