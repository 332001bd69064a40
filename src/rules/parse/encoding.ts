import { PARSE_ENCODING } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_ENCODING,
    severity: 'error',
    title: 'Not UTF-8 text',
    rationale:
      'Invalid UTF-8 is silently replaced and UTF-16 parses into one garbage string, so the parser would ' +
      'read something other than what the reviewer sees.',
    fix: 'Save the file as UTF-8 without NUL bytes (a UTF-8 byte-order mark and CRLF line endings are fine).',
    owasp: [],
  },
  messages: {
    wideEncoding: 'file is UTF-16 or UTF-32 encoded (it starts with that byte-order mark); save it as UTF-8',
    invalidUtf8:
      'file is not valid UTF-8: byte 0x{{byte}} on line {{line}} (offset {{offset}}) is not part of any ' +
      'character; save the file as UTF-8',
    nulByte:
      'file contains a NUL byte on line {{line}} (offset {{offset}}): binary data, or UTF-16 without a ' +
      'byte-order mark; save it as UTF-8 text',
  },
});
