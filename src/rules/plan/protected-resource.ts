import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/refusals.ts), for what `idac apply` refuses; this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/protected-resource',
    severity: 'error',
    title: 'Protected identity deleted or replaced',
    rationale:
      "The IAM role or user of a high or critical identity carries Pulumi's protect, the guard against a " +
      'deleted file or a parser that returns nothing; apply lifts it only for an identity whose manifest in ' +
      'the same team says status: decommissioned. Any other change that deletes or replaces it (the file ' +
      'removed, a rename, a move to another team, another AWS account or principal, its AWS access removed) ' +
      "makes Pulumi refuse, and the team's apply fails after the merge.",
    fix:
      'To retire the identity, set status: decommissioned instead of deleting the file (remove the file in a ' +
      'later change); for any other such change, lower spec.criticality in a change of its own and apply it ' +
      'first.',
    owasp: ['NHI1'],
  },
  messages: {
    fileRemoved:
      '{{name}} is protected (criticality {{criticality}}): set `status: decommissioned` instead of deleting ' +
      'the file (remove it in a later change). Otherwise Pulumi refuses to {{verb}} {{resources}} and the apply ' +
      'of team {{team}} fails',
    changed:
      '{{name}} is protected (criticality {{criticality}}): lower spec.criticality in a change of its own and ' +
      'apply it before you {{action}}. Otherwise Pulumi refuses to {{verb}} {{resources}} and the apply of team ' +
      '{{team}} fails',
  },
});
