import { show } from '../../common/findings.js';
import { declaredVaultPaths, vaultPathRefused } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/glob-overmatch',
    severity: 'warning',
    title: 'Vault glob is a string prefix',
    rationale:
      'A trailing * in a Vault policy is a plain string prefix, not a path segment: secret/app* also ' +
      'matches secret/apple and secret/app-prod, which belong to someone else.',
    fix: 'End the path with /* (secret/app/*) to stay below one folder, or name the exact path.',
    owasp: ['NHI5'],
  },
  messages: {
    stringPrefix:
      'Vault path {{path}} is a string prefix: it also matches {{sibling}} and {{longer}}; end it with "/*" ' +
      '({{folder}}) to stay below one folder',
  },
  check({ data }, { now }) {
    return declaredVaultPaths(data, now)
      .filter(
        (p) =>
          vaultPathRefused(p.path) === null &&
          p.path.length > 1 &&
          p.path.endsWith('*') &&
          p.path[p.path.length - 2] !== '/',
      )
      .map((p) => {
        const stem = p.path.slice(0, -1);
        return {
          path: p.at,
          messageId: 'stringPrefix',
          data: {
            path: show(p.path),
            sibling: show(`${stem}-other`),
            longer: show(`${stem}x/…`),
            folder: show(`${stem}/*`),
          },
        };
      });
  },
});
