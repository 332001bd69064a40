import { show } from '../../common/findings.js';
import { isRootGlob, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-root-glob',
    severity: 'error',
    title: 'Vault path covers every mount',
    rationale:
      'A policy path of only globs (`*`, `+/*`, `+/+/*`) matches every mount, sys/ included: with it the ' +
      'identity reads every secret, or rewrites policies, auth methods and audit devices, whatever the ' +
      'capability.',
    fix: 'Replace the path with the mount and the path below it that the workload uses (e.g. kv/data/<team>/<app>/*).',
    owasp: ['NHI5'],
  },
  messages: {
    everyMount:
      'Vault path {{path}} grants {{capabilities}} on every mount, sys/ included (policies, auth methods, ' +
      'audit devices and every secret)',
  },
  check({ access }) {
    return vaultPolicyPaths(access)
      .filter((e) => isRootGlob(e.path))
      .map((e) => ({
        path: e.at,
        messageId: 'everyMount',
        data: { path: show(e.path), capabilities: [...new Set(e.capabilities.map((c) => c.capability))].join(', ') },
      }));
  },
});
