import { defineRule, type Report } from '../types.js';

const BLOCKS = ['jwt', 'aws', 'cert'] as const;

const messages = {
  missingBlock: 'vault.auth is {{method}} but spec.access.vault.{{method}} is missing ({{needs}})',
  unusedBlock: 'spec.access.vault.{{block}} is ignored: vault.auth is {{method}}; remove it or switch auth',
  awsNeedsRole:
    'vault.auth is aws but the identity has no AWS role to log in with (spec.access.aws with principal: role)',
} as const;

const NEEDS: Readonly<Record<(typeof BLOCKS)[number], string>> = {
  jwt: 'mount, audience and the claims that pin the token',
  aws: 'the mount of the aws auth method',
  cert: 'the mount of the cert auth method and the CA',
};

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/auth-config',
    severity: 'error',
    title: 'Vault auth method without its settings',
    rationale:
      'jwt, aws and cert logins each need their own block (the mount, and what a token or certificate must ' +
      'show); without it idac creates no auth role and the identity cannot log in. aws auth binds the ' +
      "identity's own IAM role, so it needs one. A block for another method is ignored, which usually means " +
      'the auth line and the block disagree (a warning).',
    fix:
      'Add spec.access.vault.jwt, .aws or .cert matching vault.auth (SPEC §2); for auth: aws declare ' +
      'spec.access.aws with principal: role; remove blocks of methods the identity does not use.',
    owasp: ['NHI4'],
  },
  messages,
  severities: { unusedBlock: 'warning' },
  check({ data }) {
    const vault = data.spec.access.vault;
    if (!vault) return [];
    const out: Report<typeof messages>[] = [];
    for (const block of BLOCKS) {
      if (vault.auth === block && vault[block] === undefined)
        out.push({
          path: ['spec', 'access', 'vault', 'auth'],
          messageId: 'missingBlock',
          data: { method: block, needs: NEEDS[block] },
        });
      else if (vault.auth !== block && vault[block] !== undefined)
        out.push({
          path: ['spec', 'access', 'vault', block],
          at: 'key',
          messageId: 'unusedBlock',
          data: { block, method: vault.auth },
        });
    }
    if (vault.auth === 'aws' && data.spec.access.aws?.principal !== 'role')
      out.push({ path: ['spec', 'access', 'vault', 'auth'], messageId: 'awsNeedsRole' });
    return out;
  },
});
