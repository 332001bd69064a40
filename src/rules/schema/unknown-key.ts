import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/unknown-key",
    severity: "error",
    title: "Unknown key",
    rationale: "A misspelled key must never silently widen or drop access (rotaton: would turn rotation off).",
    fix: "Use the key suggested in the message, or remove the key; see the manifest reference.",
    owasp: ["NHI5"],
  },
});
