// What of a file is secret, in one place for every reader and every output. The secret/* text
// rules decide what a secret is (their matches, in the file's text and in its path); this module
// turns their matches into a Redactor that replaces each secret with the short fingerprint
// validate reports, in text, in loaded data (keys and values), and in paths.
//
// Every scan also records what it found in a per-process set (`known`): the command line's last
// line of defence (src/cli/redact-output.ts, through src/common/redactor.ts) redacts everything it prints or writes
// with it, so a
// value no reader thought of (a diff's context line, a message quoting a path) cannot leak either.

import type { Path } from '../common/findings.js';
import { loadText } from '../manifest/load.js';
import { rules } from './index.js';
import { secretlintScan } from './lib/secretlint-scan.js';
import { messageText, type SecretlintMatch, type TextScan } from './types.js';
import { fingerprint, isWithheld, knownSecrets, Redactor, remember, withheldText } from '../common/redactor.js';

export { fingerprint, isWithheld, knownSecrets, Redactor, withheldText };

export interface SecretMatch {
  rule: string;
  offset: number;
  text: string;
  /** The rule's message, filled in. */
  message: string;
  messageId: string;
}

export function textScan(text: string): TextScan {
  let cached: Promise<readonly SecretlintMatch[]> | null = null;
  return { text, secretlint: () => (cached ??= secretlintScan(text)) };
}

/** Every match of every secret/* text rule in `text`, rule by rule. Records them in `known`. */
export async function secretMatches(text: string): Promise<SecretMatch[]> {
  const out: SecretMatch[] = [];
  const scan = textScan(text);
  for (const rule of rules) {
    if (rule.kind !== 'text') continue;
    for (const m of await rule.check(scan))
      out.push({
        rule: rule.meta.id,
        offset: m.offset,
        text: m.text,
        message: messageText(rule, m),
        messageId: m.messageId,
      });
  }
  for (const m of out) remember(m.text);
  return out;
}

/**
 * The secrets in a file's path (a file named after a token): each folder and file name on a line of
 * its own, the extension taken off (`ghp_….yaml` must read as the token). One scan per path.
 */
export async function pathSecrets(path: string): Promise<SecretMatch[]> {
  return secretMatches(
    `${path
      .split('/')
      .map((segment) => segment.replace(/\.ya?ml$/i, ''))
      .join('\n')}\n`,
  );
}

/** A secret that YAML escapes assembled (`"ghp\x5f…"`, a `\` line continuation): found in a decoded key or value. */
export interface DecodedSecret extends SecretMatch {
  path: Path;
  at: 'key' | 'value';
}

/**
 * The secrets in the loaded data that the text does not show as written: a key or string value whose
 * decoded form is not in the text (only double-quoted escapes make one, so a text without `\` has
 * none and costs nothing). All such strings are scanned at once, a line each.
 */
export async function decodedSecrets(text: string, data: unknown): Promise<DecodedSecret[]> {
  if (!text.includes('\\') || data === undefined) return [];
  const strings: { path: Path; at: 'key' | 'value'; value: string }[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (typeof v === 'string') {
      if (!text.includes(v)) strings.push({ path, at: 'value', value: v });
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (!text.includes(k)) strings.push({ path: [...path, k], at: 'key', value: k });
        walk(item, [...path, k]);
      }
    }
  };
  walk(data, []);
  if (strings.length === 0) return [];
  const starts: number[] = [];
  let joined = '';
  for (const s of strings) {
    starts.push(joined.length);
    joined += `${s.value}\n`;
  }
  const out: DecodedSecret[] = [];
  for (const m of await secretMatches(joined)) {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > m.offset) i--;
    out.push({ ...m, path: strings[i]!.path, at: strings[i]!.at });
  }
  return out;
}

/**
 * Every secret in a manifest's text: as written, and as YAML escapes assemble it (loaded only when the text has a `\`).
 */
export async function textSecrets(text: string): Promise<SecretMatch[]> {
  const written = await secretMatches(text);
  if (!text.includes('\\')) return written;
  return [...written, ...(await decodedSecrets(text, loadText(text, { expect: 'MachineIdentity', fast: true }).data))];
}

export interface FileSecrets {
  /** The secrets of the file's text and of its path. */
  redactor: Redactor;
  /** The path with each token in it replaced by its fingerprint (the path itself when it holds none). */
  path: string;
  /** Whether the path (a file name or folder) holds a secret. */
  pathHoldsSecret: boolean;
}

/**
 * The one answer every reader gives to "what in this file is secret": the text rules' matches in
 * the text (null when the file could not be read) and in the path.
 */
export async function fileSecrets(file: string, text: string | null): Promise<FileSecrets> {
  const inPath = await pathSecrets(file);
  const inText = text === null ? [] : await textSecrets(text);
  const redactor = new Redactor([...inPath, ...inText].map((m) => m.text));
  const pathRedactor = new Redactor(inPath.map((m) => m.text));
  return { redactor, path: pathRedactor.text(file), pathHoldsSecret: inPath.length > 0 };
}
