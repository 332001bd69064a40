import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/root",
    severity: "error",
    title: "Manifest is not a mapping",
    rationale: "A manifest is a mapping with apiVersion, kind, metadata and spec.",
    fix: "Start from an example in examples/acme/identities.",
    owasp: [],
  },
});
