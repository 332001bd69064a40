import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/trojan-source",
    severity: "error",
    title: "Invisible bidirectional or zero-width character",
    rationale: "Bidi overrides and zero-width characters make a reviewer read text in another order or miss characters entirely (Trojan Source, CVE-2021-42574).",
    fix: "Delete the character; identity manifests never need it.",
    owasp: ["NHI5"],
  },
});
