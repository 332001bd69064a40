import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-audit-change';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Changes Vault audit devices',
    rationale:
      'Writing sys/audit enables or disables audit devices: the holder can switch off the audit log, or ' +
      'send it somewhere of its choosing, and act without a trace.',
    fix: 'Remove write capabilities on sys/audit and sys/audit/*; only the platform team manages audit devices.',
    owasp: ['NHI5'],
  },
  messages: {
    auditWrite:
      'Vault path {{path}} grants {{capabilities}} on audit devices (sys/audit): it can disable or redirect ' +
      'the audit log and hide what it does',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'auditWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
