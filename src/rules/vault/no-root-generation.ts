import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPathsOverlap, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-root-generation';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Root generation, rekey or cluster control in Vault',
    rationale:
      'generate-root and rekey lead to a root token or new unseal keys; rotate, seal and step-down control ' +
      'the cluster itself. Sealing Vault stops every workload at once.',
    fix:
      'Remove the path; these endpoints are for operators holding unseal or recovery keys, never for a ' +
      'machine identity.',
    owasp: ['NHI5'],
  },
  messages: {
    clusterControl:
      'Vault path {{path}} grants {{capabilities}} on {{areas}}: root token generation, rekey, seal or ' +
      'step-down control the whole cluster',
  },
  check({ access }) {
    const area = sysArea(id);
    return reaching(vaultPolicyPaths(access), area, VAULT_WRITE).map(({ entry, capabilities }) => {
      const reached = area.filter((a) => vaultPathsOverlap(entry.path, a)).map((a) => a.replace(/\/\*$/, ''));
      return {
        path: entry.at,
        messageId: 'clusterControl',
        data: {
          path: show(entry.path),
          capabilities: capabilities.join(', '),
          areas: [...new Set(reached)].join(', '),
        },
      };
    });
  },
});
