import { PARSE_DUPLICATE_KEY } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_DUPLICATE_KEY,
    severity: 'error',
    title: 'Duplicate key',
    rationale:
      'With a duplicate key YAML keeps only the last value, so a reviewer can approve one grant while ' +
      'another one applies.',
    fix: 'Keep exactly one occurrence of the key.',
    owasp: ['NHI5'],
  },
  messages: {
    duplicate: 'duplicate key {{key}} (also on line {{line}}); YAML would silently keep only one of them — remove one',
  },
});
