import { show } from '../../common/findings.js';
import { tokenCreateRisk, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  sudo: 'sudo on Vault path {{path}} unlocks root-protected endpoints',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/no-sudo',
    severity: 'error',
    title: 'Vault sudo capability',
    rationale:
      "sudo unlocks Vault's root-protected endpoints (audit devices, auth methods, mounts, seal, tokens " +
      "outside the parent's policies); a machine identity has no use for it.",
    fix:
      'Remove sudo from the capabilities; if an endpoint really needs it, ask a security owner for a ' +
      'time-boxed exception in org.yaml.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const paths = vaultPolicyPaths(access);
    const out: Report<typeof messages>[] = [];
    for (const e of paths) {
      // vault/no-token-create reports this very sudo, saying what it unlocks there.
      if (tokenCreateRisk(e, paths)?.at === 'sudo') continue;
      for (const c of e.capabilities) {
        if (c.capability === 'sudo') out.push({ path: c.at, messageId: 'sudo', data: { path: show(e.path) } });
      }
    }
    return out;
  },
});
