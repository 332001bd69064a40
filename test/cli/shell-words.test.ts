// The action's `args` split as POSIX shell words, never evaluated (issue 14 item 6).
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../src/cli/shell-words.js';
import { fail } from '../../src/common/result.js';

describe('shellWords', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['  \n\t ', []],
    ['validate --format sarif --out idac.sarif', ['validate', '--format', 'sarif', '--out', 'idac.sarif']],
    // newlines, tabs and CRs are whitespace: a multi-line `args: |` keeps every line
    ['plan\n  --format markdown\n  --out plan.md\n', ['plan', '--format', 'markdown', '--out', 'plan.md']],
    ['a\tb\r\nc', ['a', 'b', 'c']],
    // quotes group and are removed; adjacent parts join into one word
    [`revoke x --reason 'INC-1: key leaked'`, ['revoke', 'x', '--reason', 'INC-1: key leaked']],
    [`--reason "INC 1"`, ['--reason', 'INC 1']],
    [`a'b c'"d e"f`, ['ab cd ef']],
    [`'' ""`, ['', '']],
    [`'it'\\''s'`, [`it's`]],
    [`"say \\"hi\\""`, ['say "hi"']],
    [`'multi\nline'`, ['multi\nline']],
    // nothing is expanded or run
    ['$HOME ${HOME} "$HOME" \'$HOME\'', ['$HOME', '${HOME}', '$HOME', '$HOME']],
    ['$(touch pwned) `touch pwned`', ['$(touch', 'pwned)', '`touch', 'pwned`']],
    ['"$(touch pwned)" "`id`"', ['$(touch pwned)', '`id`']],
    ['* ?.yaml [a-z] ~ ~/x {a,b}', ['*', '?.yaml', '[a-z]', '~', '~/x', '{a,b}']],
    ['a|b c;d e&&f >out <in (g) #h', ['a|b', 'c;d', 'e&&f', '>out', '<in', '(g)', '#h']],
    // backslashes as in POSIX sh
    ['a\\ b', ['a b']],
    ['\\$HOME \\"x\\" \\\\', ['$HOME', '"x"', '\\']],
    ['plan \\\n  --format json', ['plan', '--format', 'json']],
    ['ab\\\ncd', ['abcd']],
    [`'a\\b' '\\'`, ['a\\b', '\\']],
    ['"a\\b \\$x \\` \\\\ \\" \\\nz"', ['a\\b $x ` \\ " z']],
  ])('%j', (text, words) => {
    expect(shellWords(text)).toEqual({ ok: true, words });
  });

  it.each<[string, string]>([
    [`rules 'x`, 'the single quote at line 1, column 7 is never closed'],
    [`plan\n--out "plan.md`, 'the double quote at line 2, column 7 is never closed'],
    [`"a\\"`, 'the double quote at line 1, column 1 is never closed'],
    [
      'rules \\',
      `a backslash at the end (line 1, column 7) escapes nothing: remove it, or write '\\' for a literal one`,
    ],
  ])('%j is refused', (text, message) => {
    expect(shellWords(text)).toEqual(fail(message));
  });
});
