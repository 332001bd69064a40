import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/too-many-findings",
    severity: "warning",
    title: "More findings in the file",
    rationale: "A file with hundreds of problems would flood logs and PR comments: at most 50 findings per file are shown, 49 of them (secrets first, then errors, then the rest, each in file order; so warnings can never push an error out of sight) and then this one with the count of the rest.",
    fix: "Fix the findings shown and run validate again.",
    owasp: [],
  },
});
