import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/alias",
    severity: "error",
    title: "YAML anchor or alias",
    rationale: "Anchors and aliases let one line silently pull access from elsewhere in the file (and merge keys inherit whole blocks); they also power billion-laughs attacks. Reviewers must see every grant written out.",
    fix: "Quote a value that starts with * (\"*\", \"*Object\"); for a real anchor, write the value out in full where it is used and delete the &anchor and *alias markers.",
    owasp: ["NHI5"],
  },
});
