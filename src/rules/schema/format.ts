import { SCHEMA_FORMAT } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_FORMAT,
    severity: 'error',
    title: 'Value in the wrong form',
    rationale:
      'Dates, durations, emails, ARNs, names and paths have exact forms so that every tool reads them the same way.',
    fix: 'Write the value in the form given in the message.',
    owasp: [],
  },
  messages: {
    wrongForm: '{{where}} must be {{shape}}{{calendar}}',
    schemaMismatch: '{{where}}: {{problem}}',
  },
});
