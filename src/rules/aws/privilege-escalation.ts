import { escalationsCoveredBy, grantsAction, listSome, patternsInForce } from '../../access/aws-escalation.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/privilege-escalation',
    severity: 'error',
    title: 'AWS action that escalates privilege on its own',
    rationale: 'Some actions let an identity give itself (or a principal it controls) more access than it was granted: new policy versions, inline or attached policies, access keys or passwords for other users, new code for a function that runs as a stronger role. Scoping them to ARNs narrows but does not remove the path, so each one needs a security owner\'s time-boxed exception.',
    fix: 'Remove the action, or, when the identity exists to manage IAM (a deployment or rotation job), keep it scoped to ARNs and ask a security owner for an exception in identities/org.yaml.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const p of patternsInForce(access)) {
      const rows = escalationsCoveredBy(p.declared).filter((e) => grantsAction(p, e.action, iamCatalog) && (!e.anyResource || p.resources.includes('*')));
      if (rows.length === 0) continue;
      const only = rows.length === 1 ? rows[0]! : null;
      const detail = only
        ? `${only.action}${only.action.toLowerCase() === p.declared.toLowerCase() ? '' : ` (through ${show(p.declared)})`}${only.anyResource ? ' on "*"' : ''}, which ${only.why}`
        : `${show(p.declared)} grants ${rows.length} privilege-escalation actions: ${listSome(rows.map((e) => e.action))}`;
      out.push({ path: p.path, message: only ? `privilege escalation: ${detail}` : detail });
    }
    return out;
  },
});
