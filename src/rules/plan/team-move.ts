import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/refusals.ts), for what `idac apply` fails on; this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/team-move',
    severity: 'error',
    title: 'Identity moved to another team onto the same cloud objects',
    rationale:
      'Each team is its own Pulumi stack, and the stacks are applied independently. Moving an identity to ' +
      'another team under the same name (or under a new name, its credentials still delivered to the same ' +
      "spec.delivery place) makes the new team's stack create objects (IAM role or user and policies, Vault " +
      'policy and roles, Kubernetes objects, the delivered secret) with the same physical names the old ' +
      "team's stack deletes: the create fails while the old object exists, or the delete removes what the " +
      'other stack has just written.',
    fix:
      'Give the identity a new name as you move it (metadata.renamedFrom keeps its history) and, if idac ' +
      'delivers its credentials, a delivery place of its own (spec.delivery); or move it in two changes: ' +
      'remove it from the old team and apply, then add it to the new team.',
    owasp: [],
  },
  messages: {
    // `own`: what the identity needs of its own to move in one change (a new name, a delivery place).
    giveOwnOrSplit:
      'give {{identity}} {{own}} as you move it to team {{to}}, or move it in two changes (remove it from ' +
      '{{from}} and apply, then add it to {{to}}): stack {{to}} would create {{resources}} while stack {{from}} ' +
      'deletes the same objects, and the two stacks run independently — the create fails while the old object ' +
      'exists, or the delete removes what the other stack wrote',
    split:
      'move it in two changes (remove it from {{from}} and apply, then add it to {{to}}): stack {{to}} would ' +
      'create {{resources}} while stack {{from}} deletes the same objects, and the two stacks run independently ' +
      '— the create fails while the old object exists, or the delete removes what the other stack wrote',
  },
});
