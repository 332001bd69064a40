import { show } from '../../common/findings.js';
import { reaching, sysArea, VAULT_WRITE, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

const id = 'vault/no-plugin-registration';

export default defineRule({
  kind: 'identity',
  meta: {
    id,
    severity: 'error',
    title: 'Registers Vault plugins',
    rationale:
      'Writing the plugin catalog registers a binary that Vault runs: code execution inside Vault, with ' +
      'access to everything it holds.',
    fix: 'Remove write capabilities on sys/plugins/catalog; plugins are registered by operators.',
    owasp: ['NHI5'],
  },
  messages: {
    pluginWrite:
      'Vault path {{path}} grants {{capabilities}} on the plugin catalog: it can register a plugin binary, ' +
      'i.e. run code of its choosing inside Vault',
  },
  check({ access }) {
    return reaching(vaultPolicyPaths(access), sysArea(id), VAULT_WRITE).map(({ entry, capabilities }) => ({
      path: entry.at,
      messageId: 'pluginWrite',
      data: { path: show(entry.path), capabilities: capabilities.join(', ') },
    }));
  },
});
