import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/depth",
    severity: "error",
    title: "Nesting too deep",
    rationale: "Deeply nested input exhausts the parser's stack; no valid manifest nests more than a few levels.",
    fix: "Flatten the structure; see the manifest reference.",
    owasp: [],
  },
});
