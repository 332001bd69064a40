// Bytes → text. Refuses what a reviewer could not read the same way the parser does
// (THREATS.md §A 15, 18, 19): oversize files, invalid UTF-8, UTF-16/32, NUL bytes.

export const MAX_FILE_BYTES = 256 * 1024;

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; rule: 'parse/size' | 'parse/encoding'; message: string; offset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function tooLarge(size: number): string | null {
  return size > MAX_FILE_BYTES
    ? `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a manifest; split it or remove what does not belong in it`
    : null;
}

export function decode(bytes: Uint8Array): Decoded {
  const big = tooLarge(bytes.length);
  if (big) return { ok: false, rule: 'parse/size', message: big, offset: 0 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { ok: false, rule: 'parse/encoding', message: 'file is UTF-16 or UTF-32 encoded; save it as UTF-8', offset: 0 };
  }
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, rule: 'parse/encoding', message: `file is not valid UTF-8 (first bad byte at offset ${firstBadByte(bytes)}); save it as UTF-8`, offset: 0 };
  }
  if (nul !== -1) {
    // Offset in characters, so the finding points at the NUL itself.
    return { ok: false, rule: 'parse/encoding', message: 'file contains a NUL byte (binary data or UTF-16 without a byte-order mark); save it as UTF-8 text', offset: text.indexOf('\u0000') };
  }
  return { ok: true, text };
}

function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection on a non-fatal decoder: cheap and only on the error path.
  const loose = new TextDecoder('utf-8');
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (loose.decode(bytes.subarray(0, mid)).includes('\ufffd')) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}
