import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-auth-management';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Manages Vault auth methods',
    rationale:
      'Writing sys/auth enables, tunes or disables auth methods: the holder can add a permissive method (or ' +
      'a userpass login of its own) and log in with any policy, or switch off how other workloads log in.',
    fix:
      'Remove write capabilities on sys/auth and sys/auth/*; auth methods are configured by the platform ' +
      'team, not by a workload.',
    owasp: ['NHI5'],
  },
  messages: {
    authWrite:
      'Vault path {{path}} grants {{capabilities}} on auth methods (sys/auth): it can enable, tune or ' +
      'disable auth methods, e.g. add a permissive one and log in through it',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'authWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
