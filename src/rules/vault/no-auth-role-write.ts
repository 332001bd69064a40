import { show } from '../../common/findings.js';
import {
  authRolePrefixes,
  reaching,
  VAULT_WRITE,
  vaultOverlapWithin,
  vaultPathsOverlap,
  vaultPolicyPaths,
} from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

// AppRole's secret-id endpoints live below role/<name>/ too; minting them is
// vault/no-foreign-secret-id's concern (and fine for the identity's own role). Named exactly:
// secret-id-ttl, secret-id-num-uses and secret-id-bound-cidrs are role settings.
const SECRET_ID = ['secret-id', 'secret-id/*', 'secret-id-accessor/*', 'custom-secret-id'];

/** Whether `path` reaches a role's configuration on some auth mount (`auth/<mount…>/role/<name>[/<setting>]`). */
function reachesRoleConfig(path: string): boolean {
  return authRolePrefixes(path).some((prefix) => {
    const role = `${prefix}/+`;
    if (vaultPathsOverlap(path, role)) return true;
    const below = `${role}/*`;
    return vaultPathsOverlap(path, below) && !SECRET_ID.some((s) => vaultOverlapWithin(path, below, `${role}/${s}`));
  });
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-auth-role-write',
    severity: 'error',
    title: 'Writes Vault auth roles',
    rationale:
      'An auth role (AppRole, Kubernetes, JWT/OIDC, AWS, …) decides which policies a login receives and who ' +
      'may log in: whoever writes it can add policies (token_policies), bind any service account or claim, ' +
      'or drop the CIDR limits — its own role included.',
    fix: "Remove write capabilities on auth/<method>/role/*; idac writes the identity's own role from its manifest.",
    owasp: ['NHI5'],
  },
  messages: {
    roleWrite:
      "Vault path {{path}} grants {{capabilities}} on auth method roles: it can change a role's " +
      'token_policies or bound names and log in with the result',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), reachesRoleConfig, VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'roleWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
