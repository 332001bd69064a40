import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/type",
    severity: "error",
    title: "Wrong value type",
    rationale: "YAML guesses types: an unquoted account id 012345678901 becomes the number 12345678901. Types are checked strictly, never coerced.",
    fix: "Write the value in the expected type; quote ids and other strings that look like numbers.",
    owasp: [],
  },
});
