// An edit is checked, not trusted: the edited text is loaded with the loader validate uses, and it
// must mean exactly the original data with the intended values set — nothing else changed, nothing
// lost, no new load finding — and keep the file's line endings. Pure: two texts in, a refusal out.

import { isDeepStrictEqual } from 'node:util';
import { loadFull } from './load.js';
import type { SchemaKind } from './schemas.js';
import { PARSE_SYNTAX } from './load-rule-ids.js';

export interface Change {
  /** Keys from the document root, e.g. ['spec', 'rotation', 'epoch']. */
  path: readonly string[];
  value: unknown;
}

/** Null when `after` is `before` with exactly `changes` applied; else why it is not. */
export function verifyEdit(
  before: string,
  after: string,
  expect: SchemaKind,
  changes: readonly Change[],
): string | null {
  const eol = lineEndings(before);
  if (eol !== 'mixed' && lineEndings(after) !== eol && lineEndings(after) !== 'none') {
    return (
      `the edit would mix line endings into a file that uses ${eol === 'crlf' ? 'CRLF' : 'LF'} only (a bug in ` +
      `idac; please report it)`
    );
  }
  const old = loadFull(before, expect);
  if (old.data === undefined)
    return `the file does not load (${old.issues[0]?.rule ?? PARSE_SYNTAX}); fix it first (idac validate)`;
  const now = loadFull(after, expect);
  if (now.data === undefined)
    return `the edited file would not load (${now.issues[0]?.rule ?? PARSE_SYNTAX}); a bug in idac, please report it`;
  const had = countRules(old.issues);
  for (const [rule, n] of countRules(now.issues)) {
    if (n > (had.get(rule) ?? 0))
      return (
        `the edited file would get a new ${rule} finding (` +
        `${now.issues.find((i) => i.rule === rule)!.message.split('\n')[0]}); a bug in idac, please report it`
      );
  }
  const expected = structuredClone(old.data) as Record<string, unknown>;
  for (const c of changes) setIn(expected, c.path, c.value);
  if (!isDeepStrictEqual(expected, now.data))
    return 'the edited file would not mean exactly the intended change (a bug in idac; please report it)';
  return null;
}

function countRules(issues: readonly { rule: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of issues) out.set(i.rule, (out.get(i.rule) ?? 0) + 1);
  return out;
}

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

export function lineEndings(text: string): 'crlf' | 'lf' | 'mixed' | 'none' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf + lf + cr === 0) return 'none';
  if (cr > 0 || (crlf > 0 && lf > 0)) return 'mixed';
  return crlf > 0 ? 'crlf' : 'lf';
}

/** The line ending a file uses: CRLF when its first line ends so, else LF. */
export function eolOf(text: string): '\r\n' | '\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
