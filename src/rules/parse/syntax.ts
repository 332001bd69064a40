import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/syntax",
    severity: "error",
    title: "YAML syntax error",
    rationale: "A manifest that does not parse cannot be judged, planned or applied.",
    fix: "Fix the YAML at the given position; indent with spaces, close every quote and bracket.",
    owasp: [],
  },
});
