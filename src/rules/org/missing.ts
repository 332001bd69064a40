import { defineRule } from '../types.js';

// Reported by the repo check when identities/org.yaml is absent.
export default defineRule({
  kind: 'load',
  meta: {
    id: 'org/missing',
    severity: 'error',
    title: 'No identities/org.yaml',
    rationale: 'Teams, members, boundaries and limits live in identities/org.yaml; without it no owner, team or boundary can be checked, so nothing may be applied.',
    fix: 'Create identities/org.yaml (kind: Organization) with at least one team and its members; see the manifest reference.',
    owasp: ['NHI1'],
  },
});
