import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/multi-document",
    severity: "error",
    title: "More than one YAML document",
    rationale: "A second document after --- would be silently ignored or silently applied; one identity per file keeps names unique by construction.",
    fix: "Move each document into a file of its own named after its metadata.name.",
    owasp: [],
  },
});
