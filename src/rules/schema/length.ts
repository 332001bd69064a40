import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/length",
    severity: "error",
    title: "Empty or over-long value",
    rationale: "Every text field has a length cap so that one value cannot flood logs or comments; required text must not be empty.",
    fix: "Shorten the value, or fill in the empty one.",
    owasp: [],
  },
});
