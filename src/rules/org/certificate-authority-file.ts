import { show } from '../../common/findings.js';
import type { CaProblem } from '../../model/certificate-authority.js';
import { defineRule, type RepoReport } from '../types.js';

// validate reads the files (src/check/certificate-authorities.ts) and hands what it found to this
// rule through the repo context: rules read no files. Reported on the CA's entry in org.yaml.

const messages = {
  outside: 'certificate authority {{name}}: {{file}} is not a path inside the repository',
  missing: 'certificate authority {{name}}: {{file}} does not exist',
  symlink: 'certificate authority {{name}}: {{file}} is a symbolic link, which idac does not follow',
  tooLarge: 'certificate authority {{name}}: {{file}} is too large to be a CA certificate',
  unreadable: 'certificate authority {{name}}: {{file}} cannot be read',
  notPem: 'certificate authority {{name}}: {{file}} holds no PEM certificate (-----BEGIN CERTIFICATE-----) that parses',
  expired:
    'certificate authority {{name}}: every certificate in {{file}} expired (the last on {{date}}); Vault refuses ' +
    'every device certificate it signed, so replace it with the current CA',
  privateKey:
    'certificate authority {{name}}: {{file}} holds a private key; remove it from the repository (and replace ' +
    'the key: it is in git history) and keep only the CA certificate',
} as const;

const MESSAGE: Record<CaProblem, keyof typeof messages> = {
  outside: 'outside',
  missing: 'missing',
  symlink: 'symlink',
  'too-large': 'tooLarge',
  unreadable: 'unreadable',
  'not-pem': 'notPem',
  'private-key': 'privateKey',
};

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'org/certificate-authority-file',
    severity: 'error',
    title: 'Certificate authority file that cannot be used',
    rationale:
      'Vault cert auth trusts exactly the CA certificate idac writes into each role; a declared CA whose file ' +
      'is missing, outside the repository, not a certificate or expired would leave every device of it unable ' +
      'to log in, and a file holding a private key puts the power to mint trusted certificates in git.',
    fix:
      'Point identities/org.yaml spec.targets.vault.certificateAuthorities.<name> at a PEM file in the ' +
      'repository (relative to its root) holding only the current CA certificate(s).',
    owasp: ['NHI2', 'NHI4'],
  },
  messages,
  summarize: () => null,
  check(_entries, { certificateAuthorities, orgFile, now }) {
    const out: RepoReport<typeof messages>[] = [];
    for (const [name, ca] of certificateAuthorities ?? []) {
      const at = { file: orgFile, identity: null, path: ['spec', 'targets', 'vault', 'certificateAuthorities', name] };
      const data = { name: show(name), file: show(ca.file, 120) };
      if (!ca.ok) out.push({ ...at, messageId: MESSAGE[ca.problem], data });
      else if (ca.notAfter < now)
        out.push({ ...at, messageId: 'expired', data: { ...data, date: new Date(ca.notAfter).toISOString() } });
    }
    return out;
  },
});
