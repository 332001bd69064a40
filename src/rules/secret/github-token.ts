import { secretlintMatches } from '../lib/secretlint-scan.js';
import { defineRule, type TextMatch } from '../types.js';

/** The token's prefix → its messageId. */
const KINDS: Record<string, Exclude<keyof typeof messages, 'token'>> = {
  ghp: 'personalAccessToken',
  gho: 'oauthToken',
  ghu: 'userToServerToken',
  ghs: 'serverToServerToken',
  ghr: 'refreshToken',
  github_pat: 'fineGrainedToken',
};
const kindOf = (token: string): { messageId: keyof typeof messages } => ({
  messageId: KINDS[/^(github_pat|gh[pousr])_/.exec(token)?.[1] ?? ''] ?? 'token',
});

// secretlint's patterns want the token to stand apart from letters. One pasted against a word
// (`nameghp_…`, no space) is still a token, and a missed one would be quoted by the rules that echo
// values, so the same formats are also matched without that condition when they look random
// (upper case, lower case and digits, as 36 random characters all but always have).
const GLUED = /(?:gh[pousr]_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82})/g;
const random = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)) && /\d/.test(s);

const messages = {
  personalAccessToken: 'GitHub personal access token',
  oauthToken: 'GitHub OAuth access token',
  userToServerToken: 'GitHub user-to-server token',
  serverToServerToken: 'GitHub server-to-server (app installation) token',
  refreshToken: 'GitHub refresh token',
  fineGrainedToken: 'GitHub fine-grained personal access token',
  token: 'GitHub token',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/github-token',
    severity: 'error',
    title: 'GitHub token in a manifest',
    rationale:
      'A GitHub token in git can push code, read private repositories or change workflows as whoever issued ' +
      'it; GitHub scans public pushes, but a private repository, a fork or a CI log keeps it readable.',
    fix:
      'Remove the token from the file and from git history, revoke it in GitHub (Settings → Developer ' +
      'settings, or the app installation), and use OIDC or a GitHub App token minted at run time instead.',
    owasp: ['NHI2'],
  },
  messages,
  async check(scan) {
    const found = await secretlintMatches(scan, '@secretlint/secretlint-rule-github', (_, text) => kindOf(text));
    const taken = (at: number) => found.some((f) => at < f.offset + f.text.length && f.offset < at + 40);
    const more: TextMatch<typeof messages>[] = [];
    for (const m of scan.text.matchAll(GLUED))
      if (!taken(m.index) && random(m[0])) more.push({ offset: m.index, text: m[0], ...kindOf(m[0]) });
    return [...found, ...more].sort((a, b) => a.offset - b.offset);
  },
});
