import { NAME_PATTERN } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: NAME_PATTERN,
    severity: 'error',
    title: 'Identity name not valid everywhere',
    rationale:
      'metadata.name becomes an IAM role, a Kubernetes service account and a Vault role: it must be valid ' +
      'for all three (^[a-z][a-z0-9-]{1,46}[a-z0-9]$), which also rules out look-alike Unicode letters.',
    fix: "Rename to lowercase letters, digits and '-', 3 to 48 characters, starting with a letter.",
    owasp: ['NHI9'],
  },
  // Worded by the loader (src/manifest/schemas.ts), which fills in the value and the shape.
  messages: {
    badName: 'metadata.name {{name}}{{lookAlike}} must be {{shape}} (valid for AWS, Kubernetes and Vault)',
  },
});
