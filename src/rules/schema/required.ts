import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/required",
    severity: "error",
    title: "Missing required key",
    rationale: "Ownership, purpose, expiry and access must be declared for every identity.",
    fix: "Add the missing key; see the manifest reference.",
    owasp: ["NHI1"],
  },
});
