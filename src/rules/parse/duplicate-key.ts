import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/duplicate-key",
    severity: "error",
    title: "Duplicate key",
    rationale: "With a duplicate key YAML keeps only the last value, so a reviewer can approve one grant while another one applies.",
    fix: "Keep exactly one occurrence of the key.",
    owasp: ["NHI5"],
  },
});
