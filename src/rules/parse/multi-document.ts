import { PARSE_MULTI_DOCUMENT } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_MULTI_DOCUMENT,
    severity: 'error',
    title: 'More than one YAML document',
    rationale:
      'A second document after --- would be silently ignored or silently applied; one identity per file ' +
      'keeps names unique by construction.',
    fix: 'Move each document into a file of its own named after its metadata.name.',
    owasp: [],
  },
  messages: {
    secondDocument: 'a second YAML document; one manifest per file: move it to a file of its own',
  },
});
