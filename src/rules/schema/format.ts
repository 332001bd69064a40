import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/format",
    severity: "error",
    title: "Value in the wrong form",
    rationale: "Dates, durations, emails, ARNs, names and paths have exact forms so that every tool reads them the same way.",
    fix: "Write the value in the form given in the message.",
    owasp: [],
  },
});
