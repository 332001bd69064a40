import { SCHEMA_REQUIRED } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_REQUIRED,
    severity: 'error',
    title: 'Missing required key',
    rationale: 'Ownership, purpose, expiry and access must be declared for every identity.',
    fix: 'Add the missing key; see the manifest reference.',
    owasp: ['NHI1'],
  },
  messages: {
    missingKey: '{{where}} is missing the required key "{{key}}"',
    noTarget: '{{where}} must declare at least one of aws, kubernetes, vault',
  },
});
