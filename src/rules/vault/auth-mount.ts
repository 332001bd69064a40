import { show } from '../../common/findings.js';
import { didYouMean, guess } from '../lib/role-trust.js';
import { defineRule } from '../types.js';

const messages = {
  undeclared: 'Vault auth mount {{mount}} is not declared in org.yaml targets.vault.auth{{guess}}',
  otherMethod: 'Vault auth mount {{mount}} is a {{declared}} auth method (org.yaml targets.vault.auth), not {{method}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/auth-mount',
    severity: 'error',
    title: 'Vault login through an auth mount org.yaml does not declare for that method',
    rationale:
      'An auth role lives on an auth method mounted at a path; org.yaml targets.vault.auth declares which ' +
      'paths exist and what method each one is. A role written to an undeclared path, or to a mount of ' +
      'another method, fails at apply or lands on an issuer nobody vetted (a jwt mount trusting another CI).',
    fix:
      'Use a mount path org.yaml targets.vault.auth declares with the same method, or have a security owner ' +
      'declare the auth mount there.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    const vault = data.spec.access.vault;
    if (!org || !vault || (vault.auth !== 'jwt' && vault.auth !== 'aws' && vault.auth !== 'cert')) return [];
    // A missing block is vault/auth-config's finding.
    const block = vault[vault.auth];
    if (!block) return [];
    const mounts = org.spec.targets?.vault?.auth ?? {};
    const path = ['spec', 'access', 'vault', vault.auth, 'mount'];
    if (!Object.hasOwn(mounts, block.mount)) {
      const same = Object.keys(mounts).filter((m) => mounts[m] === vault.auth);
      return [
        {
          path,
          messageId: 'undeclared',
          data: { mount: show(block.mount), guess: guess(didYouMean(block.mount, same)) },
        },
      ];
    }
    const declared = mounts[block.mount]!;
    if (declared === vault.auth) return [];
    return [{ path, messageId: 'otherMethod', data: { mount: show(block.mount), declared, method: vault.auth } }];
  },
});
