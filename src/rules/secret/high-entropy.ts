import { looksRandom } from '../lib/entropy.js';
import { yieldTo } from '../lib/secret-overlap.js';
import { defineRule, type TextMatch } from '../types.js';
import awsAccessKeyId from './aws-access-key-id.js';
import awsSecretAccessKey from './aws-secret-access-key.js';
import githubToken from './github-token.js';
import jwt from './jwt.js';
import knownCredential from './known-credential.js';
import privateKey from './private-key.js';
import vaultToken from './vault-token.js';

// gitleaks `generic-api-key`, narrowed: a keyword in the key, and a value of ≥ 16 characters with
// ≥ 3.5 bits of entropy per character that is not built from words (names, paths, hosts, emails,
// ARNs, dates). Keys and values are read from the raw text, so comments, files that do not parse
// and second documents are covered as well as mapping lines.
// `auth` only where it starts a word part: `oauth-eu` names a cluster, `x-auth-token` is a credential.
const KEYWORD = /password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|(?<![a-z])auth/i;
const KEYWORD_ANYWHERE = new RegExp(KEYWORD.source, 'gi');
/** Longer values are judged (and fingerprinted) by their first MAX_VALUE characters: keeps the scan linear. */
const MAX_VALUE = 1024;
// The key is taken whole through a lookahead (an atomic group): a regex that searched for the
// keyword inside the run would backtrack quadratically on a long line such as `tokentoken…`.
const KEY_VALUE = new RegExp(
  // key, maybe quoted
  String.raw`(?<=^|[\s{,\[("'#;?&])(["']?)(?=([A-Za-z0-9_.-]+))\2(?<=(?:${KEYWORD.source})[A-Za-z0-9_.-]*)\1` +
    String.raw`[ \t]*(?::(?=[ \t"']|$)|=)` + // `key: value`, `"key": "value"`, `key = value`, `KEY=value`
    // The value, up to a space, quote or flow punctuation; looked at, not consumed, so that a key
    // inside it (`purpose: "token: …`) is read too.
    String.raw`(?=[ \t]*(["']?)([^\s"'\x60,;{}\[\]]{0,${MAX_VALUE}}))`,
  'dgim',
);
// A key that is nothing but a secret's name (`password`, `db_password`, `api-key`, `client_secret`):
// no field of a manifest is called that, so even a memorable password under it is reported.
const NAMED_SECRET = new RegExp(
  String.raw`^(?:[a-z0-9]+[_.-])*` +
    String.raw`(?:password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|client[_-]?secret` +
    String.raw`|secret[_-]?access[_-]?key)$`,
  'i',
);

/** 8+ characters mixing at least two of lower, upper, digit, symbol; not a reference or placeholder. */
function passwordLike(value: string): boolean {
  if (value.length < 8 || /^(?:\$\{.*\}|<.*>|\{\{.*\}\}|x+|\*+|changeme|redacted|none|null)$/i.test(value))
    return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2;
}

/** A value that continues on the next lines: a block scalar indicator, or nothing (plain multi-line). */
const BLOCK_START = /^(?:[|>][+-]?\d*)?$/;
const REST_OF_LINE = /^[ \t]*(?:#.*)?$/;
const TOKEN = /[^\s"'\x60,;{}[\]]+/g;
// A mapping key that is itself random: someone pasted the credential where a key goes.
const KEY = /(?<=^|[\s{,[])(["']?)([^\s"'\x60:#{}[\],]{20,})\1:(?=\s|$)/dgm;
const MAX_BLOCK_LINES = 200;

const CATEGORIES: Array<[RegExp, string]> = [
  [/passw(?:or)?d/i, 'a password'],
  [/private[_-]?key/i, 'a private key'],
  [/access[_-]?key/i, 'an access key'],
  [/api[_-]?key/i, 'an API key'],
  [/secret/i, 'a secret'],
  [/token/i, 'a token'],
  [/credential/i, 'a credential'],
  [/auth/i, 'an auth setting'],
];

/** What the key is named like, from a fixed list: the key itself is manifest text and is not echoed. */
function category(key: string): string {
  return CATEGORIES.find(([re]) => re.test(key))?.[1] ?? 'a secret';
}

const messages = {
  randomValue: 'random-looking value under a key named like {{category}}',
  randomKey: 'mapping key that looks like a random credential',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/high-entropy',
    severity: 'error',
    title: 'Random-looking value under a password, secret or token key',
    rationale:
      'Manifests describe identities and never hold credentials; a dense random string next to a password, ' +
      'secret, token or key name is almost always a real credential of a kind no specific detector knows.',
    fix:
      'Remove the value from the file and from git history, rotate it at its source, and deliver it through a ' +
      'secret store (spec.delivery) instead. If it is not a secret, it does not belong under a secret-like ' +
      'name either.',
    owasp: ['NHI2'],
  },
  messages,
  async check(scan) {
    const { text } = scan;
    const mine: TextMatch<typeof messages>[] = [];
    const add = (offset: number, value: string, category: string) =>
      mine.push({ offset, text: value, messageId: 'randomValue', data: { category } });
    // Matches come in text order: remembering the current line's end keeps a long line linear.
    let lineEnd = -1;
    let judged = 0;
    const endOfLine = (pos: number) => {
      if (pos > lineEnd) lineEnd = (text.indexOf('\n', pos) + 1 || text.length + 1) - 1;
      return lineEnd;
    };

    // Only lines holding a keyword can hold a match (the key contains it and never spans lines):
    // running the look-around regex on those lines alone keeps clean files cheap.
    let scannedTo = 0;
    for (const hit of text.matchAll(KEYWORD_ANYWHERE)) {
      // Hits on a line already scanned are skipped before looking back for the line start:
      // a 256 KiB line of `tokentoken…` would otherwise cost a scan back per hit.
      if (hit.index < scannedTo) continue;
      const ls = text.lastIndexOf('\n', hit.index) + 1;
      const nl = text.indexOf('\n', hit.index);
      const le = nl < 0 ? text.length : nl;
      scannedTo = le + 1;
      for (const m of text.slice(ls, le).matchAll(KEY_VALUE)) {
        const key = m[2]!;
        const value = m[4]!;
        const start = ls + m.indices![4]![0];
        const end = ls + m.indices![4]![1];
        // A key inside the previous value (`a=(token=(…`) was judged as part of it: keeps the scan linear.
        if (start < judged) continue;
        judged = end;
        const named = category(key);
        if (looksRandom(value) || (NAMED_SECRET.test(key) && passwordLike(value))) {
          add(start, value, named);
          continue;
        }
        if (m[3] !== '' || !BLOCK_START.test(value)) continue;
        const eol = endOfLine(end);
        if (eol < text.length && REST_OF_LINE.test(text.slice(end, eol))) {
          const keyColumn = m.indices![2]![0];
          for (const t of continuation(text, eol + 1, keyColumn))
            if (looksRandom(t.value)) add(t.offset, t.value, named);
        }
      }
    }

    for (const m of text.matchAll(KEY)) {
      const key = m[2]!;
      if (looksRandom(key, 20, 4)) mine.push({ offset: m.indices![2]![0], text: key, messageId: 'randomKey' });
    }
    // The specific rules name the credential better; this rule only reports what they do not.
    return yieldTo(
      scan,
      [privateKey, githubToken, awsAccessKeyId, awsSecretAccessKey, vaultToken, jwt, knownCredential],
      mine,
    );
  },
});

/** The words of the lines indented deeper than the key, i.e. the value's block or plain continuation. */
function* continuation(text: string, from: number, keyColumn: number): Generator<{ offset: number; value: string }> {
  let pos = from;
  for (let n = 0; n < MAX_BLOCK_LINES && pos < text.length; n++) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl);
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent < line.length) {
      if (indent <= keyColumn) return;
      for (const t of line.matchAll(TOKEN)) if (!t[0].endsWith(':')) yield { offset: pos + t.index, value: t[0] };
    }
    if (nl < 0) return;
    pos = nl + 1;
  }
}
