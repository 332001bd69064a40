import { coversEveryRole } from '../../access/arn.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const ASSUME = new Set(['*', 'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']);

const messages = {
  anyRole: '{{action}} on {{resource}} can assume any role whose trust policy admits this identity',
  anyRoleThrough:
    '{{action}} (through {{declared}}) on {{resource}} can assume any role whose trust policy admits this identity',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/assume-role-any',
    severity: 'error',
    title: 'sts:AssumeRole on every role',
    rationale:
      'sts:AssumeRole on "*" lets the identity become any role whose trust policy admits it, in this ' +
      "account or another, now or after someone widens a trust policy; the identity's reach is then set by " +
      "other people's trust policies, not by its manifest.",
    fix: 'Scope sts:AssumeRole to the ARNs of the roles the workload must assume.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    const seen = new Set<string>();
    for (const g of access.grants) {
      if (g.target !== 'aws' || !ASSUME.has(g.action) || !coversEveryRole(g.resource)) continue;
      const key = JSON.stringify(g.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const action = g.action === '*' ? 'sts:AssumeRole' : g.action;
      if (g.declared === action)
        out.push({ path: g.path, messageId: 'anyRole', data: { action, resource: show(g.resource) } });
      else
        out.push({
          path: g.path,
          messageId: 'anyRoleThrough',
          data: { action, declared: show(g.declared), resource: show(g.resource) },
        });
    }
    return out;
  },
});
