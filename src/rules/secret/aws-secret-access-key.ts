import { secretlintMatches } from '../lib/secretlint-scan.js';
import { defineRule } from '../types.js';

const messages = {
  secretAccessKey: 'AWS secret access key',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/aws-secret-access-key',
    severity: 'error',
    title: 'AWS secret access key in a manifest',
    rationale:
      'A secret access key signs AWS requests as its IAM user until it is deactivated; keys pushed to git ' +
      'are found and used by scanners within minutes.',
    fix:
      'Remove the key from the file and from git history, deactivate and delete it in IAM, and let idac issue ' +
      'and rotate the credential (principal: user with spec.rotation and spec.delivery), or better use a role.',
    owasp: ['NHI2', 'NHI7'],
  },
  messages,
  // secretlint's aws rule: 40 base64 characters after an aws_secret_access_key-style key; its own
  // allowlist drops the documentation example wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.
  check: (scan) =>
    secretlintMatches(scan, '@secretlint/secretlint-rule-aws', (m) =>
      m.messageId === 'AWSSecretAccessKey' ? { messageId: 'secretAccessKey' as const } : null,
    ),
});
