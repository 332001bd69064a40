import { expandAction, splitAction } from '../../access/aws-actions.js';
import { pendingAwsActions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/unknown-action',
    severity: 'error',
    title: 'Unknown AWS service or action',
    rationale: 'IAM accepts a policy that names an action which does not exist and silently grants nothing: a typo leaves the workload failing in production, or hides which permission was really meant. Actions are checked against AWS\'s IAM service reference.',
    fix: 'Spell the action as AWS\'s Service Authorization Reference lists it (service prefix, colon, action name); the message suggests the closest real one.',
    owasp: ['NHI5'],
  },
  // Every permission still to come is checked, not only those in force: a typo in next week's
  // elevation is cheaper to fix in its pull request than on the day it starts.
  check({ data }, { now }) {
    if (isTombstone(data)) return [];
    return pendingAwsActions(data, now).flatMap(({ action, path }): Report[] => {
      const x = expandAction(action, iamCatalog);
      if (x.kind === 'all' || (x.kind === 'actions' && x.actions.length > 0)) return [];
      if (x.kind === 'unknown-service') {
        const guess = didYouMean(x.service, iamCatalog.prefixes());
        return [{ path, message: `${show(action)}: AWS has no service prefix ${show(x.service)}${guess ? `; did you mean "${guess}"?` : ''}` }];
      }
      if (x.wildcard) return [{ path, message: `${show(action)} matches no action of ${x.service}; it grants nothing` }];
      const name = splitAction(action)!.action;
      const guess = didYouMean(name, iamCatalog.actions(x.service).map((a) => a.name));
      return [{ path, message: `${show(action)}: ${x.service} has no action ${show(name)}${guess ? `; did you mean "${x.service}:${guess}"?` : ''}` }];
    });
  },
});
