import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/too-many-findings",
    severity: "warning",
    title: "More findings in the file",
    rationale: "A file with hundreds of problems would flood logs and PR comments; only the first ones are shown.",
    fix: "Fix the findings shown and run validate again.",
    owasp: [],
  },
});
