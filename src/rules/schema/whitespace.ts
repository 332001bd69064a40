import { SCHEMA_WHITESPACE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_WHITESPACE,
    severity: 'error',
    title: 'Leading or trailing whitespace',
    rationale:
      '"s3:GetObject " is not s3:GetObject; whitespace changes what a value means to programs while looking ' +
      'the same to people.',
    fix: 'Remove the surrounding whitespace.',
    owasp: [],
  },
  messages: {
    surroundingWhitespace: '{{where}} has leading or trailing whitespace; remove it (it changes what the value means)',
  },
});
