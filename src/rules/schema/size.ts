import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/size",
    severity: "error",
    title: "Empty or over-long list or mapping",
    rationale: "An empty list is never read as 'no restriction', and lists are capped so a manifest stays reviewable.",
    fix: "Add at least one entry, or split the identity so each list stays under its cap.",
    owasp: ["NHI5"],
  },
});
