import { PARSE_TROJAN_SOURCE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_TROJAN_SOURCE,
    severity: 'error',
    title: 'Invisible bidirectional or zero-width character',
    rationale:
      'Bidi overrides and zero-width characters make a reviewer read text in another order or miss ' +
      'characters entirely (Trojan Source, CVE-2021-42574).',
    fix: 'Delete the character; identity manifests never need it.',
    owasp: ['NHI5'],
  },
  messages: {
    invisibleCharacter:
      'invisible bidirectional or zero-width character {{codePoint}}: what a reviewer sees is not what the ' +
      'parser reads; delete it',
    escapedCharacter:
      'escaped invisible bidirectional or zero-width character {{codePoint}} in a quoted value; remove the escape',
  },
});
