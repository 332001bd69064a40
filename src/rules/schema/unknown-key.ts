import { SCHEMA_UNKNOWN_KEY } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_UNKNOWN_KEY,
    severity: 'error',
    title: 'Unknown key',
    rationale: 'A misspelled key must never silently widen or drop access (rotaton: would turn rotation off).',
    fix: 'Use the key suggested in the message, or remove the key; see the manifest reference.',
    owasp: ['NHI5'],
  },
  messages: {
    unknownKey: 'unknown key {{key}} in {{where}}; {{hint}}',
  },
});
