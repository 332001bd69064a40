import { PARSE_DIRECTIVE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_DIRECTIVE,
    severity: 'error',
    title: 'YAML directive',
    rationale:
      'A %YAML 1.1 directive changes how the rest of the file is read (NO becomes false, 0777 becomes 511, ' +
      'on: becomes a boolean key); %TAG redefines tags.',
    fix: 'Delete the directive line; manifests are YAML 1.2.',
    owasp: [],
  },
  messages: {
    directive: 'YAML directives (%YAML, %TAG) are not allowed: they change how the rest of the file is read',
  },
});
