// Escaping for terminals: no control, bidi or zero-width character from a file name or a manifest
// value ever reaches the terminal raw (ANSI escape injection, Trojan Source).

export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, '\\n');
}
