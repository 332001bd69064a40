import { PARSE_SIZE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_SIZE,
    severity: 'error',
    title: 'File over the size limit',
    rationale:
      'A manifest is a page of YAML. Multi-megabyte files are either generated garbage or an attack on the ' +
      'parser (a 4 MB mapping takes minutes to parse), and nobody can review them; the size is checked ' +
      'before the file is read.',
    fix: 'Split the file or remove what does not belong in a manifest; one identity per file stays well under 256 KiB.',
    owasp: ['NHI5'],
  },
  messages: {
    tooLarge:
      'file is {{size}} bytes, over the {{limit}}-byte limit for a manifest; split it or remove what does ' +
      'not belong in it',
  },
});
