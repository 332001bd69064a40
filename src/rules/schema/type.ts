import { SCHEMA_TYPE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_TYPE,
    severity: 'error',
    title: 'Wrong value type',
    rationale:
      'YAML guesses types: an unquoted twelve-digit account id becomes a number and loses its leading ' +
      'zeros, and 1.10 becomes 1.1. Types are checked strictly, never coerced, and the changed value is ' +
      'never shown.',
    fix: 'Write the value in the expected type; quote ids and other strings that look like numbers.',
    owasp: [],
  },
  messages: {
    wrongType: '{{where}} must be {{shape}}, not {{got}}{{hint}}',
  },
});
