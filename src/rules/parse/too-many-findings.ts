import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/too-many-findings",
    severity: "warning",
    title: "More findings in the file",
    rationale: "A file with hundreds of problems would flood logs and PR comments: at most 50 findings per file are shown, the first 49 in file order and then this one with the count of the rest.",
    fix: "Fix the findings shown and run validate again.",
    owasp: [],
  },
});
