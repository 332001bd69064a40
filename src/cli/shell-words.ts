// The composite action's `args` input as a command line: split into words the way a POSIX shell
// splits them, and nothing more. Quotes group (single: everything literal; double: a backslash
// escapes only $ ` " \ and a newline), a backslash outside quotes makes the next character
// literal, a backslash before a newline joins the lines, and spaces, tabs and newlines separate
// words. Nothing is ever expanded or run: $VAR, $(…), `…`, ~ and globs stay as written, and
// | ; & < > ( ) # are ordinary characters (there are no operators and no comments).

import { fail, type Failure } from '../common/result.js';

export type Words = { ok: true; words: string[] } | Failure;

const BLANK = new Set([' ', '\t', '\n', '\r']);
/** What a backslash escapes inside double quotes (POSIX sh, 2.2.3); before anything else it stays. */
const DQ_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/** Line and column (1-based) of an offset, for messages. */
function where(text: string, at: number): string {
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

export function shellWords(text: string): Words {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (BLANK.has(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= text.length)
        return fail(
          `a backslash at the end (${where(text, i)}) escapes nothing: remove it, or write '\\' for a literal one`,
        );
      // A backslash-newline joins the lines and is no part of any word.
      if (text.charAt(i + 1) !== '\n') {
        word += text.charAt(i + 1);
        inWord = true;
      }
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return fail(`the single quote at ${where(text, i)} is never closed`);
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text.charAt(j) !== '"'; j++) {
        if (text.charAt(j) === '\\' && j + 1 < text.length && DQ_ESCAPABLE.has(text.charAt(j + 1))) {
          if (text.charAt(j + 1) !== '\n') word += text.charAt(j + 1);
          j++;
        } else {
          word += text.charAt(j);
        }
      }
      if (j >= text.length) return fail(`the double quote at ${where(text, i)} is never closed`);
      inWord = true;
      i = j + 1;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
