import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/encoding",
    severity: "error",
    title: "Not UTF-8 text",
    rationale: "Invalid UTF-8 is silently replaced and UTF-16 parses into one garbage string, so the parser would read something other than what the reviewer sees.",
    fix: "Save the file as UTF-8 without NUL bytes (a UTF-8 byte-order mark and CRLF line endings are fine).",
    owasp: [],
  },
});
