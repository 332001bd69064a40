import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/plan.ts, the deletion guard); this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/mass-deletion',
    severity: 'error',
    title: 'Change that deletes many identities at once',
    rationale:
      "A change that deletes (removes or decommissions) more than max(10, 10 % of the base revision's " +
      'identities) is far more often a deleted folder, a bad merge or a broken generator than an intended ' +
      'decommissioning; applied, it deletes every role, user, policy and credential those identities hold.',
    fix:
      'Split the change, or, if every deletion is intended, have a security owner approve it and rerun idac ' +
      'plan (and apply) with --allow-deletions N, N at least the count the finding gives.',
    owasp: ['NHI1'],
  },
  messages: {
    tooManyDeletions:
      'this change deletes {{count}} identities, more than the guard allows (max(10, 10 % of ' +
      '{{total}}) = {{limit}}); if that is intended, have a security owner approve it and rerun ' +
      'with --allow-deletions {{count}}',
  },
});
