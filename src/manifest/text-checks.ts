// Characters that make a reviewer read something other than what the parser reads (THREATS.md §A 21, 22).

import { PARSE_CONTROL_CHARACTER, PARSE_TROJAN_SOURCE } from './load-rule-ids.js';

export interface CharHit {
  rule: typeof PARSE_TROJAN_SOURCE | typeof PARSE_CONTROL_CHARACTER;
  messageId: string;
  offset: number;
  message: string;
}

// Bidi controls and zero-width characters (CVE-2021-42574).
const TROJAN = '[\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069]';
// C0 except TAB, LF, CR; DEL; C1.
const CONTROL = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]';
// Never global: a global regex keeps `lastIndex` between calls, and `matchAll` starts from it, so a
// `test` on one text made the next scan silently skip the character it had just found.
const TROJAN_ONE = new RegExp(TROJAN);
// A byte-order mark anywhere but the very start (decode() already removed a leading one) is invisible.
const CONTROL_ONE = new RegExp(`${CONTROL}|(?!^)\\ufeff`);
const VALUE_CONTROL_ONE = new RegExp(`${CONTROL}|\\ufeff`);

export function hasSuspiciousChars(text: string): boolean {
  return TROJAN_ONE.test(text) || CONTROL_ONE.test(text);
}

export function scanChars(text: string): CharHit[] {
  if (!hasSuspiciousChars(text)) return [];
  const hits: CharHit[] = [];
  for (const m of text.matchAll(new RegExp(TROJAN, 'g'))) {
    hits.push({
      rule: PARSE_TROJAN_SOURCE,
      messageId: 'invisibleCharacter',
      offset: m.index,
      message:
        `invisible bidirectional or zero-width character ${codePoint(m[0])}: what a reviewer sees is not what ` +
        `the parser reads; delete it`,
    });
  }
  for (const m of text.matchAll(new RegExp(`${CONTROL}|(?!^)\\ufeff`, 'g'))) {
    hits.push({
      rule: PARSE_CONTROL_CHARACTER,
      messageId: 'controlCharacter',
      offset: m.index,
      message: `control character ${codePoint(m[0])}; delete it or write the text without it`,
    });
  }
  return hits;
}

/** For decoded scalars: escapes such as "\x00" or "\u202e" in double-quoted strings. */
export function suspiciousInValue(value: string): CharHit['rule'] | null {
  if (TROJAN_ONE.test(value)) return PARSE_TROJAN_SOURCE;
  if (VALUE_CONTROL_ONE.test(value)) return PARSE_CONTROL_CHARACTER;
  return null;
}

export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
