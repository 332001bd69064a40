import { PARSE_DEPTH } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_DEPTH,
    severity: 'error',
    title: 'Nesting too deep',
    rationale:
      "Deeply nested input exhausts the parser's stack; it is measured on the token stream before any " +
      'recursion, and no valid manifest nests more than a few levels (the limit is 32).',
    fix: 'Flatten the structure; see the manifest reference.',
    owasp: [],
  },
  messages: {
    tooDeep: 'nesting is too deep (over {{max}} levels); no manifest needs more than a few',
  },
});
