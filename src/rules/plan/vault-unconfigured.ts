import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/refusals.ts), for what `idac apply` refuses; this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/vault-unconfigured',
    severity: 'error',
    title: 'Vault access without a Vault server',
    rationale:
      'Identities with Vault access or credentials delivered to Vault compile to Vault resources, and idac ' +
      "apply cannot configure the Vault provider without org.yaml's targets.vault.address: the apply " +
      'refuses, after the merge.',
    fix: "Add the Vault server's URL as targets.vault.address in org.yaml (e.g. https://vault.example.com:8200).",
    owasp: [],
  },
  messages: {
    oneNeeds:
      "add the Vault server's URL as targets.vault.address: without it idac apply cannot configure the Vault " +
      'provider, and refuses; {{identities}} needs it',
    manyNeed:
      "add the Vault server's URL as targets.vault.address: without it idac apply cannot configure the Vault " +
      'provider, and refuses; {{identities}} need it',
  },
});
