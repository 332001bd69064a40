import { PARSE_UNREADABLE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported when a listed file cannot be read (src/check/validate.ts); this file holds the metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_UNREADABLE,
    severity: 'error',
    title: 'Manifest cannot be read',
    rationale:
      'A manifest that cannot be read (permissions, a file replaced while validate ran) cannot be judged; ' +
      'treating it as absent would pass an unchecked identity.',
    fix: 'Make the file readable by the user running idac (and check why it was not).',
    owasp: [],
  },
  messages: {
    unreadable: 'cannot read the file: {{reason}}; nothing in it was checked',
  },
});
