import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/tag",
    severity: "error",
    title: "Explicit YAML tag",
    rationale: "Tags such as !!binary, !!int or custom !tags change a value's type or meaning in ways reviewers do not expect.",
    fix: "Remove the tag; quote the value if it must stay a string.",
    owasp: [],
  },
});
