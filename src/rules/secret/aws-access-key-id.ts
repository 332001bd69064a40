import { defineRule, type TextMatch } from '../types.js';

// gitleaks `aws-access-token`. Own regex rather than secretlint's: its id scan only comes with an
// account-id scan that would flag every `account: "123456789012"` a manifest legitimately holds.
const KEY_ID = /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/g;
/** gitleaks' `\b…\b`: the id stands apart from other word characters. */
const apart = (text: string, at: number) => !/\w/.test(text[at - 1] ?? '') && !/\w/.test(text[at + 20] ?? '');

const messages = {
  temporaryKeyId: 'AWS temporary access key id (ASIA…)',
  keyId: 'AWS access key id',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/aws-access-key-id',
    severity: 'error',
    title: 'AWS access key id in a manifest',
    rationale:
      'An access key id is half of a static AWS credential and names the IAM user it belongs to; where an ' +
      'id is pasted, its secret usually is too, and the pair must be treated as leaked.',
    fix:
      'Remove the key id from the file and from git history, deactivate the key pair in IAM, and let idac ' +
      'issue and rotate the credential (principal: user with spec.rotation and spec.delivery), or better use a ' +
      'role.',
    owasp: ['NHI2', 'NHI7'],
  },
  messages,
  check({ text }) {
    const out: TextMatch<typeof messages>[] = [];
    for (const m of text.matchAll(KEY_ID)) {
      // AWS documentation examples (AKIAIOSFODNN7EXAMPLE) end in EXAMPLE, as gitleaks allows.
      if (m[0].endsWith('EXAMPLE')) continue;
      // An id pasted against a word (`name: AKIA…reader`) is still an id, and a missed one would be
      // quoted by the rules that echo values; without gitleaks' boundaries, a digit (which 96% of
      // random ids have) tells it from capitals such as ASIAPACIFICDEPLOYERROLE.
      if (!apart(text, m.index) && !/[2-7]/.test(m[0].slice(4))) continue;
      out.push({ offset: m.index, text: m[0], messageId: m[0].startsWith('ASIA') ? 'temporaryKeyId' : 'keyId' });
    }
    return out;
  },
});
