import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_ANY, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-raw-storage';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Access to Vault raw storage',
    rationale:
      "sys/raw reads and writes Vault's storage below the policy layer: every secret, token and policy as " +
      'stored. Even read or list is too much.',
    fix: 'Remove the path; sys/raw is for break-glass recovery by operators, never for a machine identity.',
    owasp: ['NHI5'],
  },
  messages: {
    rawStorage:
      "Vault path {{path}} grants {{capabilities}} on sys/raw: raw access to Vault's storage, below every policy",
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_ANY).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'rawStorage',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
