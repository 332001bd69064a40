import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/duplicate-key-normalized",
    severity: "error",
    title: "Keys that differ only by case or Unicode form",
    rationale: "Keys such as Name and name, composed and decomposed café, or full-width letters look the same to people but not to programs; keys are compared after NFKC normalisation and lower-casing.",
    fix: "Keep one spelling of the key.",
    owasp: [],
  },
});
