import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/whitespace",
    severity: "error",
    title: "Leading or trailing whitespace",
    rationale: "\"s3:GetObject \" is not s3:GetObject; whitespace changes what a value means to programs while looking the same to people.",
    fix: "Remove the surrounding whitespace.",
    owasp: [],
  },
});
