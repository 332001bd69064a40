import { show } from '../../common/findings.js';
import { declaredVaultPaths, hasMidPathStar, vaultMount, vaultPathsOverlap } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

/** What may follow a KV v2 mount in a policy path (the KV v2 API). */
const KV2 = ['data', 'metadata', 'delete', 'undelete', 'destroy', 'subkeys', 'config'];

const messages = {
  missingData:
    'Vault path {{path}} is on KV v2 mount {{mount}}, where secrets live under {{dataRoot}}: this path ' +
    'grants nothing; write {{fixed}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/kv2-data-path',
    severity: 'error',
    title: 'KV v2 path without data/',
    rationale:
      'On a KV v2 mount secrets are read and written under <mount>/data/<path> (versions under ' +
      '<mount>/metadata/…); a policy for <mount>/<path> grants nothing, and is usually "fixed" by widening it.',
    fix: 'Insert data/ after the mount (kv/data/payments/app/*), and metadata/ for listing or version management.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { org, now }) {
    const mounts = org?.spec.targets?.vault?.mounts;
    if (!mounts) return [];
    const out: Report<typeof messages>[] = [];
    for (const p of declaredVaultPaths(data, now)) {
      // A literal * already grants nothing; vault/glob-mid-path says so.
      if (hasMidPathStar(p.path)) continue;
      const mount = vaultMount(p.path, Object.keys(mounts));
      if (mount === null || mounts[mount] !== 'kv-v2') continue;
      if (KV2.some((k) => vaultPathsOverlap(p.path, `${mount}/${k}`) || vaultPathsOverlap(p.path, `${mount}/${k}/*`)))
        continue;
      const rest = p.path.slice(mount.length + 1);
      out.push({
        path: p.at,
        messageId: 'missingData',
        data: {
          path: show(p.path),
          mount: show(mount),
          dataRoot: show(`${mount}/data/`),
          fixed: show(`${mount}/data/${rest}`),
        },
      });
    }
    return out;
  },
});
