import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/key",
    severity: "error",
    title: "Key that is not plain text",
    rationale: "Keys are plain ASCII names: number, boolean, empty or complex keys change meaning when YAML resolves them (an unquoted account id key loses its leading zeros), and non-ASCII keys can hide look-alike letters.",
    fix: "Quote the key, or write it as a plain ASCII name.",
    owasp: [],
  },
});
