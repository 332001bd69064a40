import { PARSE_ALIAS } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_ALIAS,
    severity: 'error',
    title: 'YAML anchor or alias',
    rationale:
      'Anchors and aliases let one line silently pull access from elsewhere in the file (and merge keys ' +
      'inherit whole blocks); they also power billion-laughs attacks. Reviewers must see every grant written ' +
      'out.',
    fix:
      'Quote a value that starts with * ("*", "*Object"); for a real anchor, write the value out in full ' +
      'where it is used and delete the &anchor and *alias markers.',
    owasp: ['NHI5'],
  },
  messages: {
    unquotedStar:
      'unquoted *{{name}}: YAML reads a value that starts with * as an alias (a reference to an &anchor), ' +
      'not as text; quote it: "*{{name}}"{{more}}',
    anchorRedefined:
      'YAML anchor &{{name}} is defined again (first on line {{line}}): aliases after this line read the ' +
      'new value; anchors and aliases are not allowed; write the value out in full where it is used so ' +
      'reviewers see it',
    anchor:
      'YAML anchor &{{name}}{{uses}}: anchors and aliases are not allowed; write the value out in full ' +
      'where it is used so reviewers see it',
  },
});
