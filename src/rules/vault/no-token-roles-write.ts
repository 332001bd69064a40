import { show } from '../../common/findings.js';
import { reaching, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-token-roles-write',
    severity: 'error',
    title: 'Writes Vault token roles',
    rationale:
      'A token role decides which policies tokens created through it may carry (allowed_policies) and ' +
      'whether they are orphans; whoever writes it can widen that and mint tokens with the result.',
    fix: 'Remove write capabilities on auth/token/roles/*; token roles are platform configuration.',
    owasp: ['NHI5'],
  },
  messages: {
    tokenRoleWrite:
      'Vault path {{path}} grants {{capabilities}} on token roles (auth/token/roles/*): it can widen a ' +
      "role's allowed policies and mint tokens with them",
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), ['auth/token/roles/*'], VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'tokenRoleWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
