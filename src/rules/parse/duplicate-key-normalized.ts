import { PARSE_DUPLICATE_KEY_NORMALIZED } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_DUPLICATE_KEY_NORMALIZED,
    severity: 'error',
    title: 'Keys that differ only by case or Unicode form',
    rationale:
      'Keys such as Name and name, composed and decomposed café, or full-width letters look the same to ' +
      'people but not to programs; keys are compared after NFKC normalisation and lower-casing.',
    fix: 'Keep one spelling of the key.',
    owasp: [],
  },
  messages: {
    lookAlike:
      'key {{key}} differs from {{other}} (line {{line}}) only by case or Unicode normalisation; keep one spelling',
  },
});
