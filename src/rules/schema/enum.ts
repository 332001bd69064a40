import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/enum",
    severity: "error",
    title: "Value not in the allowed set",
    rationale: "Enumerations (type, status, principal, capabilities) have exact spellings.",
    fix: "Use one of the values listed in the message.",
    owasp: [],
  },
});
