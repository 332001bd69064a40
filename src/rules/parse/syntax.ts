import { PARSE_SYNTAX } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_SYNTAX,
    severity: 'error',
    title: 'YAML syntax error',
    rationale: 'A manifest that does not parse cannot be judged, planned or applied.',
    fix: 'Fix the YAML at the given position; indent with spaces, close every quote and bracket.',
    owasp: [],
  },
  messages: {
    syntaxError: 'YAML syntax error: {{problem}}',
    parserGaveUp: 'the YAML parser gave up on this file; simplify its structure',
    loaderFailed: 'the loader failed on this file (an internal error in idac; please report it)',
  },
});
