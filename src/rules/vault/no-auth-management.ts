import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-auth-management';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Manages Vault auth methods',
    rationale: 'Writing sys/auth enables, tunes or disables auth methods: the holder can add a permissive method (or a userpass login of its own) and log in with any policy, or switch off how other workloads log in.',
    fix: 'Remove write capabilities on sys/auth and sys/auth/*; auth methods are configured by the platform team, not by a workload.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      message: `Vault path ${show(entry.path)} grants ${capabilities.join(', ')} on auth methods (sys/auth): it can enable, tune or disable auth methods, e.g. add a permissive one and log in through it`,
    }));
  },
});
