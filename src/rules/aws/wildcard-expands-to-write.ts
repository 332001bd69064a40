import { actionAppliesTo } from '../../access/arn.js';
import { actionId, expandAction, isWildcard, splitAction } from '../../access/aws-actions.js';
import { isWriteLevel, listSome } from '../../access/aws-escalation.js';
import { pendingAwsPermissions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  oneWrite:
    '{{action}} grants 1 action on its resources, 1 of them write or permissions-management actions: {{written}}',
  writes:
    '{{action}} grants {{count}} actions on its resources, {{writeCount}} of them write or ' +
    'permissions-management actions: {{written}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/wildcard-expands-to-write',
    severity: 'warning',
    title: 'AWS action wildcard reaches write actions',
    rationale:
      'A partial wildcard such as s3:*Object or iam:*Policy* reads like one thing and grants many: it ' +
      'expands to every matching action that acts on its resources, write and permissions-management actions ' +
      'included, and to actions AWS adds later that match.',
    fix:
      'Replace the wildcard by the actions the identity needs, or narrow it so that it expands to read ' +
      'actions only.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    return pendingAwsPermissions(data, now).flatMap((block) =>
      block.actions.flatMap((action, j): Report<typeof messages>[] => {
        const split = splitAction(action);
        // `*` and `svc:*` are aws/no-wildcard-action's findings.
        if (!split || !isWildcard(split.action) || /^\*+$/.test(split.action)) return [];
        const x = expandAction(action, iamCatalog);
        if (x.kind !== 'actions') return [];
        // What IAM grants: the actions that act on one of the permission's resources (a pattern that
        // acts on none is aws/malformed-arn's finding).
        const granted = x.actions.filter((a) => block.resources.some((r) => actionAppliesTo(a, r, iamCatalog)));
        const written = granted
          .filter((a) => isWriteLevel(a.levels))
          .map(actionId)
          .sort();
        if (written.length === 0) return [];
        const path = [...block.path, 'actions', j];
        if (granted.length === 1)
          return [{ path, messageId: 'oneWrite', data: { action: show(action), written: listSome(written) } }];
        return [
          {
            path,
            messageId: 'writes',
            data: {
              action: show(action),
              count: granted.length,
              writeCount: written.length,
              written: listSome(written),
            },
          },
        ];
      }),
    );
  },
});
