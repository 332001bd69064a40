import { splitAction } from '../../access/aws-actions.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { pendingAwsActions } from '../../access/aws-policy.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  everyAction: 'action "*" grants every action of every AWS service, including actions AWS adds later',
  everyServiceAction: 'action {{action}} grants all {{count}} actions of {{service}}, including actions AWS adds later',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/no-wildcard-action',
    severity: 'error',
    title: 'AWS action wildcard over every action',
    rationale:
      '`*` grants every action of every AWS service and `svc:*` every action of one service, including the ' +
      'ones AWS adds later; no machine identity needs that, and a leaked credential with it owns the account ' +
      'or the service.',
    fix:
      'List the actions the identity uses (CloudTrail or IAM Access Analyzer policy generation shows them), ' +
      'e.g. s3:GetObject instead of s3:*.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    return pendingAwsActions(data, now).flatMap(({ action, path }): Report<typeof messages>[] => {
      if (action === '*') return [{ path, messageId: 'everyAction' }];
      const split = splitAction(action);
      // An unknown service is aws/unknown-action's finding.
      if (!split || !/^\*+$/.test(split.action) || !iamCatalog.service(split.service)) return [];
      return [
        {
          path,
          messageId: 'everyServiceAction',
          data: { action: show(action), count: iamCatalog.actions(split.service).length, service: split.service },
        },
      ];
    });
  },
});
