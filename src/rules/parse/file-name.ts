import { PARSE_FILE_NAME } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/check/validate.ts, for every file it lists); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_FILE_NAME,
    severity: 'error',
    title: 'Control or invisible character in a file name',
    rationale:
      'A file name is data that every output prints: an ESC rewrites a terminal or CI log, a line break ' +
      'splits a log line or a CODEOWNERS line, a bidi override or zero-width character makes a reviewer read ' +
      'another name (Trojan Source, CVE-2021-42574), a look-alike space hides a second file beside the real ' +
      'one. idac shows such characters as \\u escapes everywhere, and reports the file so it is renamed.',
    fix: 'Rename the file to <metadata.name>.yaml (lowercase letters, digits and -), in a folder named after its team.',
    owasp: ['NHI5'],
  },
  messages: {
    invisibleCharacter:
      'the file name holds the {{what}} {{codePoint}}{{more}}: a terminal, log or review would show it as ' +
      'another name or hide part of it; rename the file to <metadata.name>.yaml',
  },
});
