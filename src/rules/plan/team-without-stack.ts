import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/refusals.ts), for what `idac apply` never does; this file holds the rule's
// metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/team-without-stack',
    severity: 'error',
    title: 'Team removed before its stack is empty',
    rationale:
      'idac apply opens one stack per team of org.yaml (and per team an identity names). A team removed ' +
      'from org.yaml together with its last identities is never opened again, so the deletions the plan ' +
      'shows for it never happen: the roles, users and credentials stay live in the cloud with no manifest ' +
      'left to govern them.',
    fix:
      'Keep the team in org.yaml while its identities are removed, apply, and remove the team in a later ' +
      'change once its stack is empty.',
    owasp: ['NHI1'],
  },
  messages: {
    teamRemoved:
      'keep team {{team}} in org.yaml until an apply has emptied its stack, then remove it: without the team ' +
      'idac apply never opens stack {{team}}, and the {{deletions}} this plan shows there ({{identities}}) ' +
      'never happen',
  },
});
