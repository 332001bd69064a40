import { PARSE_CONTROL_CHARACTER } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_CONTROL_CHARACTER,
    severity: 'error',
    title: 'Control character',
    rationale: 'Control characters hide text from reviewers and terminals and can break logs and PR comments.',
    fix: 'Delete the control character (TAB, LF and CR are allowed).',
    owasp: [],
  },
  messages: {
    controlCharacter: 'control character {{codePoint}}; delete it or write the text without it',
    escapedCharacter: 'escaped control character {{codePoint}} in a quoted value; remove the escape',
  },
});
