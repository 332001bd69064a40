import { defineRule, type TextMatch } from '../types.js';

// gitleaks `vault-service-token` and `vault-batch-token`: service tokens `hvs.` (Vault ≥ 1.10),
// batch tokens `hvb.`, and the legacy `s.` + 24 characters.
const MODERN = /(?<![\w.-])(hvs\.[\w-]{90,120}|hvb\.[\w-]{138,300})(?![\w-])/g;
// The legacy form is short and starts with a common letter, so it needs all of: no word, dot or path
// before it, no word or `.word` after it (s.example.com is a host), and upper, lower and digits in it.
const LEGACY = /(?<![\w.$/@-])s\.([A-Za-z0-9]{24})(?![\w-]|\.\w)/g;

const messages = {
  batchToken: 'Vault batch token',
  serviceToken: 'Vault service token',
  legacyToken: 'Vault token (legacy s. format)',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/vault-token',
    severity: 'error',
    title: 'Vault token in a manifest',
    rationale:
      'A Vault token carries its policies until it expires or is revoked, often for days; in git it hands ' +
      'every reader the secrets those policies can read.',
    fix:
      'Remove the token from the file and from git history, revoke it (vault token revoke -accessor …), and ' +
      'let the identity log in with its own auth method (kubernetes or approle) instead.',
    owasp: ['NHI2', 'NHI7'],
  },
  messages,
  check({ text }) {
    const out: TextMatch<typeof messages>[] = [];
    for (const m of text.matchAll(MODERN))
      out.push({ offset: m.index, text: m[0], messageId: m[0].startsWith('hvb.') ? 'batchToken' : 'serviceToken' });
    for (const m of text.matchAll(LEGACY)) {
      const body = m[1]!;
      if (/[A-Z]/.test(body) && /[a-z]/.test(body) && /\d/.test(body))
        out.push({ offset: m.index, text: m[0], messageId: 'legacyToken' });
    }
    return out.sort((a, b) => a.offset - b.offset);
  },
});
