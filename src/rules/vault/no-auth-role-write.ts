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

/**
 * Whether `path` reaches a role's configuration on some auth mount: `auth/<mount…>/role/<name>[/<setting>]`
 * (AppRole, Kubernetes, JWT/OIDC, AWS) or `auth/<mount…>/certs/<name>` (TLS certificate auth).
 */
function reachesRoleConfig(path: string): boolean {
  return (
    authRolePrefixes(path, 'certs').some((prefix) => vaultPathsOverlap(path, `${prefix}/+`)) ||
    authRolePrefixes(path).some((prefix) => {
      const role = `${prefix}/+`;
      if (vaultPathsOverlap(path, role)) return true;
      const below = `${role}/*`;
      return vaultPathsOverlap(path, below) && !SECRET_ID.some((s) => vaultOverlapWithin(path, below, `${role}/${s}`));
    })
  );
}

/**
 * Whether `path` reaches an auth method's own configuration (`auth/<mount>/config[/…]`): the JWT
 * method's keys and bound issuer, the Kubernetes method's API server and CA, the AWS method's STS
 * endpoint, the cert method's settings. Whoever writes it decides which tokens are genuine.
 */
function reachesMethodConfig(path: string): boolean {
  return ['auth/+/config', 'auth/+/config/*'].some((config) => vaultPathsOverlap(path, config));
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-auth-role-write',
    severity: 'error',
    title: 'Writes Vault auth roles',
    rationale:
      'An auth role (AppRole, Kubernetes, JWT/OIDC, AWS, TLS certificate, …) decides which policies a login ' +
      'receives and who may log in: whoever writes it can add policies (token_policies), bind any service ' +
      "account, claim or certificate name, or drop the CIDR limits — its own role included. The method's " +
      'config (JWT keys and issuer, Kubernetes API server and CA) decides which tokens are genuine.',
    fix:
      'Remove write capabilities on auth/<method>/role/*, auth/<method>/certs/* and auth/<method>/config; ' +
      "idac writes the identity's own role from its manifest and the platform configures the method.",
    owasp: ['NHI5'],
  },
  messages: {
    configWrite:
      'Vault path {{path}} grants {{capabilities}} on auth method configuration: it can swap the keys, issuer ' +
      'or CA a login is checked against and log in as anyone the method admits',
    roleWrite:
      "Vault path {{path}} grants {{capabilities}} on auth method roles: it can change a role's " +
      'token_policies or bound names and log in with the result',
  },
  check({ access }) {
    const paths = vaultPolicyPaths(access);
    const found = (test: (path: string) => boolean, messageId: 'roleWrite' | 'configWrite') =>
      reaching(paths, test, VAULT_WRITE).map(({ entry, capabilities }) => ({
        path: entry.at,
        messageId,
        data: { path: show(entry.path), capabilities: capabilities.join(', ') },
      }));
    const roles = found(reachesRoleConfig, 'roleWrite');
    // One finding per path: `auth/*` reaching both says it once, as a role write.
    const written = new Set(roles.map((f) => f.path.join('\u0000')));
    return [...roles, ...found(reachesMethodConfig, 'configWrite').filter((f) => !written.has(f.path.join('\u0000')))];
  },
});
