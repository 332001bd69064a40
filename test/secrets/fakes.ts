// Fake credentials in the real formats, built when the tests run: nothing that looks like a secret is
// committed as a literal (GitHub push protection and secret scanners would rightly reject the repo),
// and none of these is or was ever a real credential. A seeded generator keeps them stable per run.

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
const B64 = `${ALNUM}+/`;

/** Deterministic pseudo-random characters (mulberry32), so a failing case can be replayed. */
export function chars(alphabet: string, n: number, seed: string): string {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 0x9e3779b9);
  let out = '';
  while (out.length < n) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)]!;
  }
  return out;
}

/** Random alphanumerics that surely mix upper case, lower case and digits. */
export function mixed(n: number, seed: string): string {
  return `A${chars(ALNUM, n - 3, seed)}z7`;
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const pem = (kind: string, body: string) => {
  const dashes = '-'.repeat(5);
  const lines = body.match(/.{1,64}/g)!.join('\n');
  return `${dashes}BEGIN ${kind}${dashes}\n${lines}\n${dashes}END ${kind}${dashes}`;
};

export const fake = {
  awsKeyId: (seed = 'aws-id') => ['AK', 'IA', chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, seed)].join(''),
  awsTempKeyId: (seed = 'aws-tmp') => ['AS', 'IA', chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, seed)].join(''),
  awsSecret: (seed = 'aws-secret') => mixed(40, seed).replace(/^(.{10})./, '$1/'),
  github: (prefix = 'ghp', seed = 'gh') => `${prefix}_${mixed(36, seed)}`,
  githubPat: (seed = 'gh-pat') => ['github', 'pat', `11${mixed(20, seed)}_${mixed(59, `${seed}2`)}`].join('_'),
  vaultService: (seed = 'hvs') => ['hv', 's.', 'CAESI', chars(B64URL, 90, seed)].join(''),
  vaultBatch: (seed = 'hvb') => ['hv', 'b.', 'AAAAAQ', chars(B64URL, 150, seed)].join(''),
  vaultLegacy: (seed = 'vault-s') => `s.${mixed(24, seed)}`,
  jwt: (seed = 'jwt') =>
    [
      b64url(JSON.stringify({ alg: 'RS256', kid: chars(ALNUM, 12, seed) })),
      b64url(JSON.stringify({ sub: 'system:serviceaccount:payments:app', iat: 1763856000 })),
      chars(B64URL, 86, seed),
    ].join('.'),
  jwtBase64: (seed = 'jwt64') => Buffer.from(fake.jwt(seed)).toString('base64'),
  privateKey: (seed = 'rsa') => pem(['RSA', 'PRIVATE', 'KEY'].join(' '), `MIIEow${chars(B64, 1200, seed)}`),
  opensshKey: (seed = 'ssh') =>
    pem(['OPENSSH', 'PRIVATE', 'KEY'].join(' '), `b3BlbnNzaC1rZXktdjE${chars(B64, 400, seed)}`),
  slack: (seed = 'slack') =>
    ['xox', 'b-', chars('0123456789', 12, seed), '-', chars('0123456789', 13, seed), '-', mixed(24, seed)].join(''),
  slackWebhook: (seed = 'webhook') =>
    [
      'https://hooks.',
      'slack.com/services/T',
      mixed(10, seed),
      '/B',
      mixed(10, `${seed}2`),
      '/',
      mixed(24, `${seed}3`),
    ].join(''),
  npm: (seed = 'npm') => ['np', 'm_', mixed(36, seed)].join(''),
  openai: (seed = 'openai') =>
    ['sk', 'proj', `${chars(B64URL, 74, seed)}${['T3Blbk', 'FJ'].join('')}${chars(B64URL, 74, `${seed}2`)}`].join('-'),
  anthropic: (seed = 'anthropic') => ['sk', 'ant', 'api03', `${chars(B64URL, 93, seed)}AA`].join('-'),
  sendgrid: (seed = 'sendgrid') => ['S', 'G.', chars(ALNUM, 22, seed), '.', chars(ALNUM, 43, `${seed}2`)].join(''),
  shopify: (seed = 'shopify') => ['shp', 'at_', chars('0123456789abcdef', 32, seed)].join(''),
  linear: (seed = 'linear') => ['lin', '_api_', mixed(40, seed)].join(''),
  onePassword: (seed = '1password') => {
    // base64 of a JSON object, ending in `fQ` (`}`) as the 1Password format does.
    let json = JSON.stringify({
      email: 'svc@1passwordserviceaccounts.example',
      secretKey: chars(ALNUM, 40, seed),
      srpX: chars('0123456789abcdef', 64, seed),
    });
    while (json.length % 3 !== 1) json = json.replace('{', '{ ');
    return ['op', 's_', Buffer.from(json).toString('base64')].join('');
  },
  postgres: (seed = 'pg') => `postgres://ledger:${mixed(20, seed)}@db.prod.internal:5432/ledger`,
  basicAuth: (seed = 'basic') => `https://deploy:${mixed(20, seed)}@registry.acme.example`,
  /** A password of no known format: only secret/high-entropy can see it. */
  password: (seed = 'pw') => mixed(22, seed),
};
