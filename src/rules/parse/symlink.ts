import { PARSE_SYMLINK } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported while listing files (src/check/validate.ts); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_SYMLINK,
    severity: 'error',
    title: 'Symbolic link in the identity tree',
    rationale:
      'A link is never followed: it could make idac read files outside the repository, and git stores the ' +
      'link rather than the file, so what validate, plan and apply see would differ. Skipping it silently ' +
      'would leave a manifest unchecked.',
    fix: 'Replace the link with the manifest itself (or remove it).',
    owasp: [],
  },
  messages: {
    symlink:
      'symbolic link: not followed (it could point outside the repository, and git stores the link, not the ' +
      'file); replace it with the file itself',
  },
});
