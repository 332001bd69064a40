import { show } from '../../common/findings.js';
import { reaching, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

// identity/lookup/* is a read through POST (update) and stays allowed; identity/persona is the old
// name of entity-alias.
const AREA = ['identity/entity*', 'identity/group*', 'identity/persona*'];

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-identity-write',
    severity: 'error',
    title: 'Writes Vault identity entities or groups',
    rationale:
      'Identity policies are computed from entities, aliases and group membership: whoever writes them can ' +
      'join a privileged group, or attach its own alias to a privileged entity, and inherit its policies.',
    fix:
      'Remove write capabilities on identity/entity*, identity/entity-alias*, identity/group* and ' +
      'identity/group-alias*; identity/lookup is read-only and may stay.',
    owasp: ['NHI5'],
  },
  messages: {
    identityWrite:
      'Vault path {{path}} grants {{capabilities}} on identity entities, aliases or groups: it can join a ' +
      'privileged group or alias onto a privileged entity and inherit its policies',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), AREA, VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'identityWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
