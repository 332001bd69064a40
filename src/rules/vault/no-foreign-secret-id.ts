import { show } from '../../common/findings.js';
import {
  authRolePrefixes,
  reaching,
  vaultOverlapWithin,
  vaultPathsOverlap,
  vaultPolicyPaths,
} from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const MINT: ReadonlySet<string> = new Set(['create', 'update']);
// secret-id-ttl, secret-id-num-uses and secret-id-bound-cidrs are role settings
// (vault/no-auth-role-write), hence no `secret-id*`.
const ENDPOINTS = ['secret-id', 'secret-id/*', 'secret-id-accessor/*', 'custom-secret-id'];

/** Whether `path` reaches the secret-id endpoints of an AppRole role not named `own`, on any auth mount. */
function reachesForeign(path: string, own: string): boolean {
  return authRolePrefixes(path).some((prefix) =>
    ENDPOINTS.some((endpoint) => {
      const area = `${prefix}/+/${endpoint}`;
      return vaultPathsOverlap(path, area) && !vaultOverlapWithin(path, area, `${prefix}/${own}/${endpoint}`);
    }),
  );
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-foreign-secret-id',
    severity: 'error',
    title: 'Mints AppRole secret-ids for another role',
    rationale:
      'A secret-id together with the public role-id is a login: whoever can create secret-ids for another ' +
      'AppRole role can log in as that workload and hold its policies.',
    fix:
      "Limit secret-id paths to the identity's own role (auth/approle/role/<metadata.name>/secret-id), or let " +
      "idac deliver the other workload's secret-id through spec.delivery.",
    owasp: ['NHI5', 'NHI9'],
  },
  messages: {
    foreignSecretId:
      'Vault path {{path}} grants {{capabilities}} on secret-ids of AppRole roles other than its own ' +
      '({{own}}): it can mint login credentials for another workload',
  },
  check({ data, access }) {
    const own = data.metadata.name;
    return reaching(vaultPolicyPaths(access), (path) => reachesForeign(path, own), MINT).map(
      ({ entry, capabilities }) => ({
        path: entry.at,
        messageId: 'foreignSecretId',
        data: { path: show(entry.path), capabilities: capabilities.join(', '), own: show(own) },
      }),
    );
  },
});
