import { SCHEMA_ENUM } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_ENUM,
    severity: 'error',
    title: 'Value not in the allowed set',
    rationale: 'Enumerations (type, status, principal, capabilities) have exact spellings.',
    fix: 'Use one of the values listed in the message.',
    owasp: [],
  },
  messages: {
    notAllowed: '{{where}} must be one of: {{allowed}}{{guess}}',
  },
});
