import { defineRule } from '../types.js';

// Reported by `idac plan` when org.yaml changes (src/plan/diff-org.ts); this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/boundary-widened-to-everything',
    severity: 'warning',
    title: 'Team boundary widened to everything',
    rationale:
      "A team's boundaries in org.yaml (AWS accounts, Kubernetes namespaces, Vault paths, certificate " +
      'domains) are the most its identities may ever reach, and the boundary/ rules hold every identity to ' +
      'them. An entry that matches everything (Vault "*", Kubernetes "<cluster>/*") or a boundary list ' +
      'removed lets every identity of the team, present and future, reach anything of that kind, while no ' +
      "identity's manifest changes.",
    fix:
      'List only the accounts, namespaces, paths or domains the team needs; if the widening is intended, have ' +
      'a security owner approve the change.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages: {
    // `change` is what diffOrganization says the change does (src/plan/diff-org.ts, Unbounded).
    widened:
      "{{change}}; a boundary is the most a team's identities may ever reach — if this is intended, have a " +
      'security owner approve it, else list only what the team needs',
    widenedWithheld:
      "team {{team}}'s boundary is widened to everything (values withheld: org.yaml holds a secret); a boundary " +
      "is the most a team's identities may ever reach — if this is intended, have a security owner approve it, " +
      'else list only what the team needs',
  },
});
