import { show } from '../../common/findings.js';
import { isBroadSys, sysAreasReached, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  broadSys: "Vault path {{path}} grants {{capabilities}} across sys/, Vault's own configuration",
  broadSysAreas:
    "Vault path {{path}} grants {{capabilities}} across sys/, Vault's own configuration: it reaches {{areas}}",
} as const;

// A path confined to one sys/ family (`sys/audit/*`) is left to that family's rule, which says
// what is dangerous there; this rule takes the paths that reach several families or sys/ as a
// whole, and reports them once instead of once per family.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-sys-path',
    severity: 'error',
    title: "Broad access to Vault's system backend",
    rationale:
      "sys/ is Vault's own configuration: policies, auth methods, mounts, audit devices, raw storage, seal " +
      'and root generation. A glob over it hands the identity most of that at once.',
    fix:
      'Grant the single sys/ endpoint the workload calls (e.g. sys/leases/renew with update), never a glob ' +
      'over sys/.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    return vaultPolicyPaths(access)
      .filter((e) => isBroadSys(e.path))
      .map((e): Report<typeof messages> => {
        const areas = sysAreasReached(e.path);
        const caps = [...new Set(e.capabilities.map((c) => c.capability))].join(', ');
        if (areas.length === 0)
          return { path: e.at, messageId: 'broadSys', data: { path: show(e.path), capabilities: caps } };
        return {
          path: e.at,
          messageId: 'broadSysAreas',
          data: { path: show(e.path), capabilities: caps, areas: areas.join(', ') },
        };
      });
  },
});
