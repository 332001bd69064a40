import { actionId, expandAction, isWildcard, splitAction } from '../../access/aws-actions.js';
import { isWriteLevel, listSome } from '../../access/aws-escalation.js';
import { pendingAwsActions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../findings.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/wildcard-expands-to-write',
    severity: 'warning',
    title: 'AWS action wildcard reaches write actions',
    rationale: 'A partial wildcard such as s3:*Object or iam:*Policy* reads like one thing and grants many: it expands to every matching action, write and permissions-management actions included, and to actions AWS adds later that match.',
    fix: 'Replace the wildcard by the actions the identity needs, or narrow it so that it expands to read actions only.',
    owasp: ['NHI5'],
  },
  check({ data }, { now }) {
    if (isTombstone(data)) return [];
    return pendingAwsActions(data, now).flatMap(({ action, path }): Report[] => {
      const split = splitAction(action);
      // `*` and `svc:*` are aws/no-wildcard-action's findings.
      if (!split || !isWildcard(split.action) || /^\*+$/.test(split.action)) return [];
      const x = expandAction(action, iamCatalog);
      if (x.kind !== 'actions') return [];
      const written = x.actions.filter((a) => isWriteLevel(a.levels)).map(actionId).sort();
      if (written.length === 0) return [];
      return [{ path, message: `${show(action)} expands to ${x.actions.length} actions, ${written.length} of them write or permissions-management actions: ${listSome(written)}` }];
    });
  },
});
