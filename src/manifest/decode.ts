// Bytes → text. Refuses what a reviewer could not read the same way the parser does
// (THREATS.md §A 15, 18, 19): oversize files, invalid UTF-8, UTF-16/32, NUL bytes.
// These are whole-file problems, reported at 1:1 (SPEC §5); the message says where the first bad
// byte is.

import { PARSE_ENCODING, PARSE_SIZE } from './load-rule-ids.js';

export const MAX_FILE_BYTES = 256 * 1024;

// Not a common/result Failure: a file that does not decode is not an error of the run but a finding
// about the file (its rule, message and offset become a parse/size or parse/encoding finding).
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; rule: typeof PARSE_SIZE | typeof PARSE_ENCODING; messageId: string; message: string; offset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Limits are inclusive: a file of exactly MAX_FILE_BYTES is fine. */
export function tooLarge(size: number): string | null {
  return size > MAX_FILE_BYTES
    ? `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a manifest; split it or remove what ` +
        `does not belong in it`
    : null;
}

export function decode(bytes: Uint8Array): Decoded {
  const big = tooLarge(bytes.length);
  if (big) return { ok: false, rule: PARSE_SIZE, messageId: 'tooLarge', message: big, offset: 0 };
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    return {
      ok: false,
      rule: PARSE_ENCODING,
      messageId: 'wideEncoding',
      message: 'file is UTF-16 or UTF-32 encoded (it starts with that byte-order mark); save it as UTF-8',
      offset: 0,
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstBadByte(bytes);
    return {
      ok: false,
      rule: PARSE_ENCODING,
      messageId: 'invalidUtf8',
      message:
        `file is not valid UTF-8: byte 0x${hex(bytes[bad] ?? 0)} on line ${lineOfByte(bytes, bad)} (offset ` +
        `${bad}) is not part of any character; save the file as UTF-8`,
      offset: 0,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      rule: PARSE_ENCODING,
      messageId: 'nulByte',
      message:
        `file contains a NUL byte on line ${lineOfByte(bytes, nul)} (offset ${nul}): binary data, or UTF-16 ` +
        `without a byte-order mark; save it as UTF-8 text`,
      offset: 0,
    };
  }
  return { ok: true, text };
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode Table 3-7). */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return i;
}
