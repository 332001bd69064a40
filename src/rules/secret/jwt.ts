import { defineRule, type TextMatch } from '../types.js';

// gitleaks `jwt`: header and payload are base64url JSON objects, so both start with `eyJ` ({").
// The signature may be empty (alg: none) and is still a bearer token.
const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*(?![\w-])/g;
// gitleaks `jwt-base64`: the same token base64-encoded once more, as in a Kubernetes Secret's
// `data.token`; `ZXlK` is base64 of `eyJ`. Confirmed by decoding, so any base64 starting ZXlK is not enough.
const WRAPPED = /(?<![A-Za-z0-9+/])ZXlK[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;
const DECODED = /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./;

const messages = {
  jwt: 'JSON Web Token',
  base64Jwt: 'base64-encoded JSON Web Token',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/jwt',
    severity: 'error',
    title: 'JSON Web Token in a manifest',
    rationale:
      'A JWT is a bearer credential: Kubernetes service-account tokens, OIDC ID tokens and API tokens work ' +
      'for whoever holds them until they expire, and legacy service-account tokens never do.',
    fix:
      'Remove the token from the file and from git history, revoke it at its issuer (for a Kubernetes token, ' +
      'delete its Secret or rotate the signing key), and use projected, short-lived tokens issued at run time.',
    owasp: ['NHI2', 'NHI7'],
  },
  messages,
  check({ text }) {
    const out: TextMatch<typeof messages>[] = [];
    for (const m of text.matchAll(JWT)) out.push({ offset: m.index, text: m[0], messageId: 'jwt' });
    for (const m of text.matchAll(WRAPPED)) {
      if (DECODED.test(Buffer.from(m[0], 'base64').toString('latin1')))
        out.push({ offset: m.index, text: m[0], messageId: 'base64Jwt' });
    }
    return out.sort((a, b) => a.offset - b.offset);
  },
});
