import { SCHEMA_KEY } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_KEY,
    severity: 'error',
    title: 'Key that is not plain text',
    rationale:
      'Keys are plain ASCII names: number, boolean, empty or complex keys change meaning when YAML resolves ' +
      'them (an unquoted account id key loses its leading zeros), and non-ASCII keys can hide look-alike ' +
      'letters.',
    fix: 'Quote the key, or write it as a plain ASCII name.',
    owasp: [],
  },
  messages: {
    notPlainKey: '{{what}} is not allowed; keys are plain text{{quoteHint}}',
    escapedKey: 'key {{key}} is written with escape sequences; write it out plainly',
    badCharacters: 'key {{key}} is not allowed: keys are 1 to 128 printable ASCII characters without spaces',
    keyShape: 'key {{key}} in {{where}} must be {{shape}}',
  },
});
