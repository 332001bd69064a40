import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { isBroadSys, sysAreasReached, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

// A path confined to one sys/ family (`sys/audit/*`) is left to that family's rule, which says
// what is dangerous there; this rule takes the paths that reach several families or sys/ as a
// whole, and reports them once instead of once per family.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-sys-path',
    severity: 'error',
    title: 'Broad access to Vault\'s system backend',
    rationale: 'sys/ is Vault\'s own configuration: policies, auth methods, mounts, audit devices, raw storage, seal and root generation. A glob over it hands the identity most of that at once.',
    fix: 'Grant the single sys/ endpoint the workload calls (e.g. sys/leases/renew with update), never a glob over sys/.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    return vaultPolicyPaths(access)
      .filter((e) => isBroadSys(e.path))
      .map((e) => {
        const areas = sysAreasReached(e.path);
        const caps = [...new Set(e.capabilities.map((c) => c.capability))].join(', ');
        return {
          path: e.at,
          message: `Vault path ${show(e.path)} grants ${caps} across sys/, Vault's own configuration${areas.length > 0 ? `: it reaches ${areas.join(', ')}` : ''}`,
        };
      });
  },
});
