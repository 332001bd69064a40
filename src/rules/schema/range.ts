import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/range",
    severity: "error",
    title: "Number out of range",
    rationale: "Numbers such as rotation.epoch have bounds.",
    fix: "Use a number inside the bounds given in the message.",
    owasp: [],
  },
});
