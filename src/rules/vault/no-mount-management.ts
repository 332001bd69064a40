import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-mount-management';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Manages Vault secrets engine mounts',
    rationale:
      'Writing sys/mounts or sys/remount mounts, tunes, moves or unmounts secrets engines: unmounting ' +
      'destroys every secret in the engine, and a new mount sits outside every reviewed policy.',
    fix:
      'Remove write capabilities on sys/mounts, sys/mounts/* and sys/remount; mounts are declared in org.yaml ' +
      'and managed by the platform team.',
    owasp: ['NHI5'],
  },
  messages: {
    mountWrite:
      'Vault path {{path}} grants {{capabilities}} on secrets engine mounts: it can mount, tune, move or ' +
      'unmount engines (unmounting destroys their secrets)',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'mountWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
