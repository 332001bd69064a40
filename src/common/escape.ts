// The one escaping every output goes through for text that came from outside (file names,
// manifest values, server replies): no control, bidi, zero-width or other invisible character
// ever reaches a terminal, log, comment or page raw (ANSI escape injection, Trojan Source,
// CVE-2021-42574). It imports nothing, so every stage may use it; the loader reports the same
// characters in file names (parse/file-name).

/**
 * Controls (C0, DEL, C1: TAB, LF and CR too, since one line must stay one line), format characters
 * (bidi embeddings, overrides and isolates, zero-width characters, the soft hyphen, tag
 * characters), the line and paragraph separators, and every space that is not U+0020 (a look-alike).
 */
export const INVISIBLE_SOURCE = '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|(?! )\\p{Zs}';
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'gu');
// Never global: a global regex keeps `lastIndex` between calls.
const INVISIBLE_ONE = new RegExp(INVISIBLE_SOURCE, 'u');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The first invisible character in `text`, or null. */
export function firstInvisible(text: string): string | null {
  return INVISIBLE_ONE.exec(text)?.[0] ?? null;
}

/**
 * `text` with each invisible character written as `\n`, `\t`, `\r`, `\uXXXX` or `\u{XXXXX}`: one line, every character
 * visible.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => NAMED[c] ?? escapeCode(c.codePointAt(0)!));
}

function escapeCode(cp: number): string {
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** For terminals and logs: the same escaping (kept as its own name where the output is a terminal). */
export const terminalSafe = visible;

// What JSON.stringify leaves raw: DEL, C1 controls (U+009B acts as ESC [ on some terminals) and
// every non-ASCII invisible. In a JSON document they only occur inside strings, so writing them as
// \u escapes changes no value, and `--format json` piped to a terminal stays inert.
const JSON_RAW = new RegExp(`(?=[^\\x00-\\x7e])(?:${INVISIBLE_SOURCE})`, 'gu');

/** `value` as pretty-printed JSON with a final newline, every invisible character \u-escaped. */
export function jsonDocument(value: unknown): string {
  const unicodeEscapes = (c: string) =>
    Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return `${JSON.stringify(value, null, 2).replace(JSON_RAW, unicodeEscapes)}\n`;
}

/** Values longer than this are cut with an ellipsis: a review comment needs the gist, `--format json` has the rest. */
export const MAX_VALUE = 200;

/** At most `max` UTF-16 units plus `…`, never splitting a surrogate pair. */
export function cap(text: string, max = MAX_VALUE): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
