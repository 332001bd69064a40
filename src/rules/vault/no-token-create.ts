import { show } from '../../common/findings.js';
import { tokenCreateRisk, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  mintsTokens: 'Vault path {{path}} grants {{capabilities}} on {{reached}}: it can mint {{what}}',
  sudoCreate:
    'sudo with {{capabilities}} on Vault path {{path}} mints tokens with any policies and orphan tokens, ' +
    'not only children with a subset of its own',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-token-create',
    severity: 'error',
    title: 'Creates Vault tokens beyond its own',
    rationale:
      'Orphan tokens outlive the token that made them, so revoking the identity leaves them alive; token ' +
      'roles and sudo on auth/token/create mint tokens with policies the identity does not hold itself.',
    fix:
      'Remove auth/token/create-orphan and auth/token/create/<role>, and sudo on auth/token/create; a ' +
      'workload that needs a child token can use auth/token/create without sudo (a subset of its own policies).',
    owasp: ['NHI5', 'NHI1'],
  },
  messages,
  check({ access }) {
    const paths = vaultPolicyPaths(access);
    const out: Report<typeof messages>[] = [];
    for (const e of paths) {
      const risk = tokenCreateRisk(e, paths);
      if (!risk) continue;
      if (risk.at === 'path') {
        const what = risk.reached.map((r) =>
          r === 'auth/token/create-orphan'
            ? 'orphan tokens, which outlive its own revocation'
            : "tokens from any token role, with the role's policies",
        );
        out.push({
          path: e.at,
          messageId: 'mintsTokens',
          data: {
            path: show(e.path),
            capabilities: risk.capabilities.join(', '),
            reached: risk.reached.join(' and '),
            what: what.join(', and '),
          },
        });
      } else {
        for (const c of e.capabilities) {
          if (c.capability === 'sudo')
            out.push({
              path: c.at,
              messageId: 'sudoCreate',
              data: { capabilities: risk.capabilities.join(', '), path: show(e.path) },
            });
        }
      }
    }
    return out;
  },
});
