import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/depth",
    severity: "error",
    title: "Nesting too deep",
    rationale: "Deeply nested input exhausts the parser's stack; it is measured on the token stream before any recursion, and no valid manifest nests more than a few levels (the limit is 32).",
    fix: "Flatten the structure; see the manifest reference.",
    owasp: [],
  },
});
