import { SCHEMA_ROOT } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_ROOT,
    severity: 'error',
    title: 'Manifest is not a mapping',
    rationale: 'A manifest is a mapping with apiVersion, kind, metadata and spec.',
    fix: 'Start from an example in examples/acme/identities.',
    owasp: [],
  },
  messages: {
    notMapping: 'a manifest is a mapping with apiVersion, kind, metadata and spec, not {{shape}}',
  },
});
