import { SCHEMA_LENGTH } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_LENGTH,
    severity: 'error',
    title: 'Empty or over-long value',
    rationale:
      'Every text field has a length cap so that one value cannot flood logs or comments; required text ' +
      'must not be empty.',
    fix: 'Shorten the value, or fill in the empty one.',
    owasp: [],
  },
  messages: {
    empty: '{{where}} must not be empty',
    tooLong: '{{where}} is longer than {{limit}} characters; shorten it',
  },
});
