import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/duplicate-key-normalized",
    severity: "error",
    title: "Keys that differ only by case",
    rationale: "Keys such as Name and name (or composed and decomposed Unicode) look the same to people but not to programs.",
    fix: "Keep one spelling of the key.",
    owasp: [],
  },
});
