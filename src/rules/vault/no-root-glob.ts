import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { isRootGlob, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-root-glob',
    severity: 'error',
    title: 'Vault path covers every mount',
    rationale: 'A policy path of only globs (`*`, `+/*`, `+/+/*`) matches every mount, sys/ included: with it the identity reads every secret, or rewrites policies, auth methods and audit devices, whatever the capability.',
    fix: 'Replace the path with the mount and the path below it that the workload uses (e.g. kv/data/<team>/<app>/*).',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    return vaultPolicyPaths(access)
      .filter((e) => isRootGlob(e.path))
      .map((e) => ({
        path: e.at,
        message: `Vault path ${show(e.path)} grants ${[...new Set(e.capabilities.map((c) => c.capability))].join(', ')} on every mount, sys/ included (policies, auth methods, audit devices and every secret)`,
      }));
  },
});
