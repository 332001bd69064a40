import { secretlintMatches } from '../lib/secretlint-scan.js';
import { defineRule, type TextMatch } from '../types.js';

const BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/g;
const END = /-----END ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/g;
/** How far the END line may be from BEGIN (an RSA-8192 key is about 6,400 characters). */
const MAX_BLOCK = 16_000;
/** THREATS.md item 61: a body of at least 64 base64 characters is a key, not a placeholder. */
const MIN_BODY = 64;

const messages = {
  privateKey: 'private key block',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/private-key',
    severity: 'error',
    title: 'Private key in a manifest',
    rationale:
      'A PEM, OpenSSH or PGP private key in git is readable by everyone with access to the repository and ' +
      'its history, forks and CI logs; the key must be treated as compromised.',
    fix:
      'Remove the key from the file and from git history, revoke it (and any certificate issued for it), and ' +
      'let the identity obtain keys from Vault PKI (spec.access.vault.certificates).',
    owasp: ['NHI2'],
  },
  messages,
  async check(scan) {
    // secretlint's rule is the maintained one; it wants a body of 100+ characters that starts like
    // a real key (ASN.1 or openssh-key-v1) in one unbroken block. Our own pass adds what it cannot
    // see: shorter bodies, PGP key blocks, and keys commented out line by line (`# MIIE…`).
    const found: TextMatch<typeof messages>[] = await secretlintMatches(
      scan,
      '@secretlint/secretlint-rule-privatekey',
      () => ({ messageId: 'privateKey' as const }),
    );
    for (const m of pemBlocks(scan.text)) if (!found.some((f) => f.offset === m.offset)) found.push(m);
    return found.sort((a, b) => a.offset - b.offset);
  },
});

function pemBlocks(text: string): TextMatch<typeof messages>[] {
  const ends = [...text.matchAll(END)].map((m) => ({ at: m.index, kind: m[1]!, stop: m.index + m[0].length }));
  const out: TextMatch<typeof messages>[] = [];
  let after = 0;
  let i = 0; // BEGINs come in text order, so the first END after each one only moves forward
  for (const m of text.matchAll(BEGIN)) {
    if (m.index < after) continue; // a BEGIN line inside the previous key
    const from = m.index + m[0].length;
    while (i < ends.length && ends[i]!.at < from) i++;
    let end;
    for (let j = i; j < ends.length && ends[j]!.at - from <= MAX_BLOCK; j++)
      if (ends[j]!.kind === m[1]) {
        end = ends[j];
        break;
      }
    if (!end || !keyBody(text.slice(from, end.at))) continue;
    out.push({ offset: m.index, text: text.slice(m.index, end.stop), messageId: 'privateKey' });
    after = end.stop;
  }
  return out;
}

/** The text between the markers is base64 (≥ MIN_BODY characters) once layout is taken away. */
function keyBody(raw: string): boolean {
  let n = 0;
  // Lines end in newlines or, inside a quoted one-line string, in \n escapes.
  for (const line of raw.split(/\r?\n|\\r\\n|\\n/)) {
    // Indentation, comment markers, and the quote or backslash of a YAML/JSON string around it.
    const body = line.replace(/^[\s#"']+|[\s"'\\]+$/g, '');
    if (body === '' || /^[A-Za-z-]+: /.test(body)) continue; // blank line or a PGP armor header
    if (!/^[A-Za-z0-9+/=]+$/.test(body)) return false; // "...", "<redacted>": a placeholder
    n += body.length;
  }
  return n >= MIN_BODY;
}
