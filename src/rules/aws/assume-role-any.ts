import { coversEveryRole } from '../../access/arn.js';
import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

const ASSUME = new Set(['*', 'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']);

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/assume-role-any',
    severity: 'error',
    title: 'sts:AssumeRole on every role',
    rationale: 'sts:AssumeRole on "*" lets the identity become any role whose trust policy admits it, in this account or another, now or after someone widens a trust policy; the identity\'s reach is then set by other people\'s trust policies, not by its manifest.',
    fix: 'Scope sts:AssumeRole to the ARNs of the roles the workload must assume.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    const seen = new Set<string>();
    for (const g of access.grants) {
      if (g.target !== 'aws' || !ASSUME.has(g.action) || !coversEveryRole(g.resource)) continue;
      const key = JSON.stringify(g.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const action = g.action === '*' ? 'sts:AssumeRole' : g.action;
      const through = g.declared === action ? action : `${action} (through ${show(g.declared)})`;
      out.push({ path: g.path, message: `${through} on ${show(g.resource)} can assume any role whose trust policy admits this identity` });
    }
    return out;
  },
});
