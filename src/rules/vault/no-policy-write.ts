import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPathsOverlap, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-policy-write';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Writes Vault policies',
    rationale:
      'An identity that can write ACL policies can rewrite one it holds and grant itself anything; policy ' +
      'changes apply to live tokens at once. The default policy is attached to every token, so editing it ' +
      'changes what every token in Vault may do.',
    fix:
      'Remove create, update, patch and delete on sys/policy/* and sys/policies/*; policies are written by ' +
      'idac from the manifests, not by workloads.',
    owasp: ['NHI5'],
  },
  messages: {
    policyWrite:
      'Vault path {{path}} grants {{capabilities}} on Vault policies: it can rewrite a policy it holds and ' +
      'grant itself anything',
    defaultPolicyWrite:
      'Vault path {{path}} grants {{capabilities}} on Vault policies, including the default policy, which ' +
      'is attached to every token: it can rewrite a policy it holds and grant itself anything',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => {
      const onDefault = ['sys/policy/default', 'sys/policies/acl/default'].some((p) =>
        vaultPathsOverlap(entry.path, p),
      );
      return {
        path: entry.at,
        messageId: onDefault ? 'defaultPolicyWrite' : 'policyWrite',
        data: { path: show(entry.path), capabilities: capabilities.join(', ') },
      };
    });
  },
});
