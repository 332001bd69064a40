// Property test (issue 14, item 2): whatever the identity files are called, CODEOWNERS holds the
// general and governance lines exactly as without them, then at most one line per file, which names
// that file and nothing else and gives it that file's owners. Checked against GitHub's reading of
// the file, not against the generator's own escaping: a line ends at any line terminator, owners
// start at unescaped whitespace, `*` `?` `[ ]` are wildcards and `#` may start a comment.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeownersPattern,
  expectedEntries,
  renderCodeowners,
  type OwnedIdentity,
} from '../../src/model/codeowners.js';
import { orgModel } from '../../src/model/org.js';

const org = orgModel({
  apiVersion: 'idac/v1',
  kind: 'Organization',
  spec: { securityOwners: ['sec@x.example'], teams: { a: { members: ['m@x.example'], github: '@x/a' } } },
});
const GENERAL = renderCodeowners(expectedEntries(org, []));

// Characters with a meaning somewhere (CODEOWNERS, gitignore, terminals, Unicode line breaking),
// plain ones so that ordinary names occur, and now and then any code point at all.
const SPECIAL = [
  '\n',
  '\r',
  '\t',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u009b',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  ' ',
  '#',
  '*',
  '?',
  '[',
  ']',
  '\\',
  '!',
  '/',
  '@',
  '.',
  '..',
  '`',
  '"',
  "'",
  'é',
  '\u{1F600}',
  '**',
  'org.yaml',
  'schema',
  '.github',
];
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_'.split('')) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const segment = fc.array(char, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
const file = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([segs, yaml]) => `identities/${segs.join('/')}${yaml ? '.yaml' : ''}`)
  .filter((f) => f !== 'identities/org.yaml'); // the listing hands org.yaml to the org reader, never here

/** The file as GitHub reads it: lines split at every terminator, comments and blank lines dropped. */
function githubLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/)
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

/** Pattern and owners: the pattern ends at the first whitespace not escaped by `\`. */
function splitLine(line: string): { pattern: string; owners: string[] } {
  const m = /^((?:\\.|[^\s\\])+)(.*)$/su.exec(line)!;
  return { pattern: m[1]!, owners: m[2]!.trim().split(/\s+/u).filter(Boolean) };
}

describe('CODEOWNERS from hostile file names', () => {
  it(
    'never holds a line other than the ones intended: general lines intact, one exact, wildcard-free line per ' +
      'writable file',
    () => {
      fc.assert(
        fc.property(fc.uniqueArray(file, { minLength: 1, maxLength: 6 }), (files) => {
          const ids: OwnedIdentity[] = files.map((f, i) => ({
            file: f,
            owner: `o${i}@x.example`,
            successor: null,
            team: 'a',
          }));
          const text = renderCodeowners(expectedEntries(org, ids));
          // Nothing but printable ASCII and LF reaches the file.
          expect(text).toMatch(/^[\x20-\x7e\n]*$/);
          const lines = githubLines(text);
          const general = githubLines(GENERAL);
          // The fallback, team and governance lines come first, exactly as without any identity.
          expect(lines.slice(0, general.length)).toEqual(general);
          const rest = lines.slice(general.length).map(splitLine);
          const written = new Set<string>();
          for (const { pattern, owners } of rest) {
            // No wildcard, range, comment or stray escape: only `\ ` for a space.
            expect(pattern).not.toMatch(/[*?[\]#]|\\(?! )/);
            const path = pattern.replace(/\\ /g, ' ');
            expect(path.startsWith('/identities/')).toBe(true);
            const i = files.indexOf(path.slice(1));
            expect(i, `a line for ${JSON.stringify(path)}, which is no input file`).toBeGreaterThanOrEqual(0);
            expect(owners).toEqual([`o${i}@x.example`, '@x/a']);
            expect(written.has(path)).toBe(false);
            written.add(path);
          }
          // Each file is written or refused, and ordinary names are always written.
          for (const f of files) {
            expect(written.has(`/${f}`)).toBe(codeownersPattern(f).ok);
            if (/^identities(\/[a-z0-9][a-z0-9_-]*(\.yaml)?)+$/.test(f)) expect(written.has(`/${f}`)).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    },
  );
});
