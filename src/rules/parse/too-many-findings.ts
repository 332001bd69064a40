import { PARSE_TOO_MANY_FINDINGS } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_TOO_MANY_FINDINGS,
    severity: 'warning',
    title: 'More findings in the file',
    rationale:
      'A file with hundreds of problems would flood logs and PR comments: at most 50 findings per file are ' +
      'shown, 49 of them (secrets first, then errors, then the rest, each in file order; so warnings can ' +
      'never push an error out of sight) and then this one with the count of the rest.',
    fix: 'Fix the findings shown and run validate again.',
    owasp: [],
  },
  messages: {
    notShown: '{{count}} more findings in this file are not shown; fix the ones above and run again',
  },
});
