import { show } from '../../common/findings.js';
import { vaultMount, vaultPathsOverlap, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  listsNames:
    'list on Vault path {{path}} (KV v2 mount {{mount}}) shows the name of every secret below it, readable ' +
    'or not: Vault does not filter list results by policy',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/metadata-list',
    severity: 'warning',
    title: 'list on KV v2 metadata exposes key names',
    rationale:
      'Vault does not filter list results by policy: list on a KV v2 metadata/ path returns the name of ' +
      'every secret below it, including those the identity cannot read. Names often say more than they ' +
      'should (customer, system, environment).',
    fix:
      'Drop list when the workload knows the names it reads; otherwise keep it on the narrowest folder and ' +
      'accept the warning.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }, { org }) {
    const mounts = org?.spec.targets?.vault?.mounts;
    if (!mounts) return [];
    const out: Report<typeof messages>[] = [];
    for (const e of vaultPolicyPaths(access)) {
      const mount = vaultMount(e.path, Object.keys(mounts));
      if (mount === null || mounts[mount] !== 'kv-v2') continue;
      if (!vaultPathsOverlap(e.path, `${mount}/metadata`) && !vaultPathsOverlap(e.path, `${mount}/metadata/*`))
        continue;
      for (const c of e.capabilities) {
        if (c.capability === 'list')
          out.push({ path: c.at, messageId: 'listsNames', data: { path: show(e.path), mount: show(mount) } });
      }
    }
    return out;
  },
});
