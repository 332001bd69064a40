import { expandAction, splitAction } from '../../access/aws-actions.js';
import { pendingAwsActions } from '../../access/aws-policy.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknownService: '{{action}}: AWS has no service prefix {{service}}',
  unknownServiceGuess: '{{action}}: AWS has no service prefix {{service}}; did you mean "{{guess}}"?',
  matchesNothing: '{{action}} matches no action of {{service}}; it grants nothing',
  unknownAction: '{{action}}: {{service}} has no action {{name}}',
  unknownActionGuess: '{{action}}: {{service}} has no action {{name}}; did you mean "{{service}}:{{guess}}"?',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/unknown-action',
    severity: 'error',
    title: 'Unknown AWS service or action',
    rationale:
      'IAM accepts a policy that names an action which does not exist and silently grants nothing: a typo ' +
      'leaves the workload failing in production, or hides which permission was really meant. Actions are ' +
      "checked against AWS's IAM service reference.",
    fix:
      "Spell the action as AWS's Service Authorization Reference lists it (service prefix, colon, action " +
      'name); the message suggests the closest real one.',
    owasp: ['NHI5'],
  },
  // Every permission still to come is checked, not only those in force: a typo in next week's
  // elevation is cheaper to fix in its pull request than on the day it starts.
  messages,
  check({ data }, { now }) {
    return pendingAwsActions(data, now).flatMap(({ action, path }): Report<typeof messages>[] => {
      const x = expandAction(action, iamCatalog);
      if (x.kind === 'all' || (x.kind === 'actions' && x.actions.length > 0)) return [];
      if (x.kind === 'unknown-service') {
        const guess = didYouMean(x.service, iamCatalog.prefixes());
        if (guess)
          return [
            { path, messageId: 'unknownServiceGuess', data: { action: show(action), service: show(x.service), guess } },
          ];
        return [{ path, messageId: 'unknownService', data: { action: show(action), service: show(x.service) } }];
      }
      if (x.wildcard)
        return [{ path, messageId: 'matchesNothing', data: { action: show(action), service: x.service } }];
      const name = splitAction(action)!.action;
      const guess = didYouMean(
        name,
        iamCatalog.actions(x.service).map((a) => a.name),
      );
      if (guess)
        return [
          {
            path,
            messageId: 'unknownActionGuess',
            data: { action: show(action), service: x.service, name: show(name), guess },
          },
        ];
      return [
        { path, messageId: 'unknownAction', data: { action: show(action), service: x.service, name: show(name) } },
      ];
    });
  },
});
