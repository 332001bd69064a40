import { show } from '../../common/findings.js';
import { declaredVaultPaths, vaultPathRefused } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  refused: "{{path}}: {{why}}, so apply would fail and none of this identity's paths would be granted",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/path-refused',
    severity: 'error',
    title: 'Vault path that Vault refuses',
    rationale:
      'Vault rejects a policy as a whole when one of its paths writes + directly before * (policy.go, ' +
      'checked against a real OpenBao server by test/access/vault-openbao.test.ts). The pull request would ' +
      'look fine and the apply would fail; the schema cannot tell, so this rule does.',
    fix: 'Write kv/data/+/* for "every key one level down", or kv/data/* for everything under kv/data/.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    return declaredVaultPaths(data, now).flatMap((p): Report<typeof messages>[] => {
      const why = vaultPathRefused(p.path);
      return why === null ? [] : [{ path: p.at, messageId: 'refused', data: { path: show(p.path), why } }];
    });
  },
});
