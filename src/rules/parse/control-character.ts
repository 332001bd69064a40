import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/control-character",
    severity: "error",
    title: "Control character",
    rationale: "Control characters hide text from reviewers and terminals and can break logs and PR comments.",
    fix: "Delete the control character (TAB, LF and CR are allowed).",
    owasp: [],
  },
});
