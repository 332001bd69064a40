import { PARSE_TAG } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_TAG,
    severity: 'error',
    title: 'Explicit YAML tag',
    rationale:
      "Tags such as !!binary, !!int or custom !tags change a value's type or meaning in ways reviewers do not expect.",
    fix: 'Remove the tag; quote the value if it must stay a string.',
    owasp: [],
  },
  messages: {
    explicitTag:
      'explicit YAML tag (!tag or !!type): tags are not allowed; remove it and quote the value if it must be a string',
  },
});
