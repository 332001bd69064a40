import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-lease-revoke-prefix';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Revokes Vault leases by prefix',
    rationale:
      'revoke-prefix and revoke-force revoke every lease below a prefix at once (revoke-force even when the ' +
      'backend cannot revoke them): one call cuts every workload depending on them, an outage.',
    fix: 'Grant sys/leases/revoke (one lease at a time, by id) or sys/leases/renew instead.',
    owasp: ['NHI5'],
  },
  messages: {
    massRevoke:
      'Vault path {{path}} grants {{capabilities}} on mass lease revocation: it can revoke every lease ' +
      'under a prefix at once, an outage for everything using them',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'massRevoke',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
