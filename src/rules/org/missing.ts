import { defineRule } from '../types.js';

export const ORG_MISSING = 'org/missing';

// Reported by the repo check when identities/org.yaml is absent.
export default defineRule({
  kind: 'load',
  meta: {
    id: ORG_MISSING,
    severity: 'error',
    title: 'No identities/org.yaml',
    rationale:
      'Teams, members, boundaries and limits live in identities/org.yaml; without it no owner, team or ' +
      'boundary can be checked, so nothing may be applied.',
    fix:
      'Create identities/org.yaml (kind: Organization) with at least one team and its members; see the ' +
      'manifest reference.',
    owasp: ['NHI1'],
  },
  messages: {
    missing: '{{orgFile}} is missing: teams, members, boundaries and limits cannot be checked{{hint}}',
  },
});
