import {
  escalationsCoveredBy,
  grantsAction,
  listSome,
  patternsInForce,
  reachesTarget,
} from '../../access/aws-escalation.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  escalation: 'privilege escalation: {{grant}}, which {{why}}',
  escalations: '{{pattern}} grants {{count}} privilege-escalation actions: {{actions}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/privilege-escalation',
    severity: 'error',
    title: 'AWS action that escalates privilege on its own',
    rationale:
      'Some actions let an identity give itself (or a principal it controls) more access than it was ' +
      'granted: new policy versions, inline or attached policies, access keys or passwords for other users, ' +
      'new code for a function that runs as a stronger role, a shell in a running task or instance, new user ' +
      "data or a buildspec override that runs as an existing resource's role. Scoping them to ARNs narrows " +
      "but does not remove the path, so each one needs a security owner's time-boxed exception.",
    fix:
      'Remove the action, or, when the identity exists to manage IAM (a deployment or rotation job), keep it ' +
      'scoped to ARNs and ask a security owner for an exception in identities/org.yaml.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const p of patternsInForce(access)) {
      const rows = escalationsCoveredBy(p.declared).filter(
        (e) =>
          grantsAction(p, e.action, iamCatalog) &&
          (!e.anyResource || p.resources.includes('*')) &&
          reachesTarget(p, e, iamCatalog),
      );
      if (rows.length === 0) continue;
      const only = rows.length === 1 ? rows[0]! : null;
      if (only) {
        const grant =
          only.action +
          (only.action.toLowerCase() === p.declared.toLowerCase() ? '' : ` (through ${show(p.declared)})`) +
          (only.anyResource ? ' on "*"' : '');
        out.push({ path: p.path, messageId: 'escalation', data: { grant, why: only.why } });
      } else
        out.push({
          path: p.path,
          messageId: 'escalations',
          data: { pattern: show(p.declared), count: rows.length, actions: listSome(rows.map((e) => e.action)) },
        });
    }
    return out;
  },
});
