import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/key",
    severity: "error",
    title: "Key that is not plain text",
    rationale: "Keys are plain ASCII names: numbers, booleans, empty or complex keys change meaning when YAML resolves them (012345678901: becomes 12345678901).",
    fix: "Quote the key, or write it as a plain ASCII name.",
    owasp: [],
  },
});
