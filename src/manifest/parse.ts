// The authoritative parse: `yaml` with positions, hardened per THREATS.md §A. Produces plain data,
// the load findings, and a locator from a data path back to the YAML node for file:line:column.
//
// Two passes over one tokenisation: the CST (yaml's Parser keeps an explicit stack, so it cannot
// overflow) is walked first for what must never reach the composer or a reviewer's blind spot —
// nesting depth, directives, anchors, aliases, tags — and only then composed into nodes. Nothing
// here throws for any input: every failure is an issue.

import {
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { Path } from '../common/findings.js';
import { KEY_CHARSET, MAX_DEPTH } from './core-scalars.js';
import { findMisindented } from './indentation.js';
import { codePoint, suspiciousInValue } from './text-checks.js';
import {
  PARSE_ALIAS,
  PARSE_DEPTH,
  PARSE_DIRECTIVE,
  PARSE_DUPLICATE_KEY,
  PARSE_DUPLICATE_KEY_NORMALIZED,
  PARSE_EMPTY,
  PARSE_MULTI_DOCUMENT,
  PARSE_SYNTAX,
  PARSE_TAG,
  PARSE_TROJAN_SOURCE,
  SCHEMA_KEY,
  type LoadProblem,
} from './load-rule-ids.js';

export interface LoadIssue extends LoadProblem {
  offset: number;
}

export type Locate = (path: Path, at: 'key' | 'value') => number;

export interface Parsed {
  /** Undefined when the file could not be turned into data. */
  data: unknown;
  issues: LoadIssue[];
  locate: Locate;
}

const OPTIONS = {
  version: '1.2',
  schema: 'core', // explicit, so a %YAML 1.1 directive cannot switch on 1.1 booleans, octals or merge keys
  merge: false,
  uniqueKeys: false, // yaml's check is quadratic; ours below is linear
  prettyErrors: false, // no source excerpts in messages: the excerpt could hold a secret
  strict: true,
  stringKeys: false,
  maxAliasCount: 0,
} as const;

// Fixed texts per error code: yaml's own messages can quote the source, which may hold a secret.
const SYNTAX_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tab used for indentation; indent with spaces',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_INDENT: 'indentation does not line up with the enclosing block',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; quote the value or use a block scalar',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block cannot be used as a key',
  UNEXPECTED_TOKEN: 'unexpected character here',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote it',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted value',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BLOCK_IN_FLOW: 'a block collection cannot sit inside [ ] or { }',
  KEY_OVER_1024_CHARS: 'a key is over 1024 characters',
  DUPLICATE_KEY: 'duplicate key',
  NON_STRING_KEY: 'a key that is not text',
  BAD_COLLECTION_TYPE: 'the value does not match its collection type',
  MULTIPLE_DOCS: 'more than one document',
  IMPOSSIBLE: 'the YAML cannot be read here',
};

// Errors yaml reports where a mis-indented line broke the structure, not always on that line.
const INDENT_CODES = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
]);

/**
 * The mis-indented line itself, when the line walk finds one at or before the reported line (or
 * right after it: a key too deep under a value is reported at the value).
 */
function misindentedNear(text: string, reported: number, lines: LineCounter): LoadIssue | null {
  const found = findMisindented(text);
  if (!found || found.line > reported + 1) return null;
  return {
    rule: PARSE_SYNTAX,
    messageId: 'syntaxError',
    offset: (lines.lineStarts[found.line - 1] ?? 0) + found.indent,
    message: `YAML syntax error: ${found.message}`,
  };
}

/** `purpose: Reads: the files`: yaml reports the value as a block used as a key; the cause is the unquoted colon. */
function colonInPlainValue(text: string, offset: number): boolean {
  if (/["'[{|>]/.test(text[offset] ?? '')) return false;
  const end = text.indexOf('\n', offset);
  const rest = text.slice(offset, end < 0 ? text.length : end).replace(/\s#.*$/, '');
  return /:(\s|$)/.test(rest);
}

// Covered by parse/alias, parse/tag and parse/directive, which say it better.
const NOT_SYNTAX = new Set([
  'TAG_RESOLVE_FAILED',
  'BAD_DIRECTIVE',
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
]);

const GAVE_UP: Parsed = {
  data: undefined,
  issues: [
    {
      rule: PARSE_SYNTAX,
      messageId: 'parserGaveUp',
      offset: 0,
      message: 'the YAML parser gave up on this file; simplify its structure',
    },
  ],
  locate: () => 0,
};

export function parseYaml(text: string): Parsed {
  const lineCounter = new LineCounter();
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  } catch {
    return { ...GAVE_UP, issues: [...GAVE_UP.issues] };
  }
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const scan = scanTokens(tokens, text);
  const issues: LoadIssue[] = [...scan.issues(lineOf)];
  if (scan.tooDeep !== null) {
    issues.push({
      rule: PARSE_DEPTH,
      messageId: 'tooDeep',
      offset: scan.tooDeep,
      message: `nesting is too deep (over ${MAX_DEPTH} levels); no manifest needs more than a few`,
    });
    return { data: undefined, issues, locate: () => 0 };
  }

  let docs: Document.Parsed[];
  try {
    docs = Array.from(new Composer(OPTIONS).compose(tokens));
  } catch {
    return { data: undefined, issues: [...issues, ...GAVE_UP.issues], locate: () => 0 };
  }
  if (docs.length === 0) {
    issues.push(EMPTY);
    return { data: undefined, issues, locate: () => 0 };
  }
  if (scan.documents.length > 1) {
    issues.push({
      rule: PARSE_MULTI_DOCUMENT,
      messageId: 'secondDocument',
      offset: scan.documents[1]!,
      message: 'a second YAML document; one manifest per file: move it to a file of its own',
    });
  }
  const doc = docs[0]!;
  const locate = locator(doc);
  const syntax = [...doc.errors, ...doc.warnings].filter((e) => !NOT_SYNTAX.has(e.code));
  if (syntax.length > 0) {
    // Only the first: after a syntax error the parser's idea of the structure is a guess, and the
    // errors that follow are mostly echoes of the first.
    const first = syntax.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const exhausted = first.code === 'RESOURCE_EXHAUSTION';
    const indent = INDENT_CODES.has(first.code) ? misindentedNear(text, lineOf(first.pos[0]), lineCounter) : null;
    const colon = first.code === 'BLOCK_AS_IMPLICIT_KEY' && colonInPlainValue(text, first.pos[0]);
    // yaml names the cause in its text (never echoed: it can quote the source): a { or [ left open.
    const unclosed = first.code === 'BAD_INDENT' && /^Flow (map|sequence) in block collection/.test(first.message);
    issues.push(
      indent ?? {
        rule: exhausted ? PARSE_DEPTH : PARSE_SYNTAX,
        messageId: exhausted ? 'tooDeep' : 'syntaxError',
        offset: first.pos[0],
        message: exhausted
          ? `nesting is too deep (over ${MAX_DEPTH} levels); no manifest needs more than a few`
          : `YAML syntax error: ${
              colon
                ? 'this value contains ": " (or ends with ":"), which YAML reads as a nested key; ' +
                  'put the whole value in quotes'
                : unclosed
                  ? 'a { or [ opened above is still open here: close it with } or ] on the line that opens it'
                  : (SYNTAX_MESSAGES[first.code] ?? `the YAML cannot be read here (${first.code})`)
            }`,
      },
    );
    return { data: undefined, issues, locate };
  }
  if (
    doc.contents === null ||
    (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range[0] === doc.contents.range[1])
  ) {
    issues.push(EMPTY);
    return { data: undefined, issues, locate };
  }
  const builder = new Builder(text, issues, lineOf);
  let data: unknown;
  try {
    data = builder.build(doc.contents, 0);
  } catch {
    return { data: undefined, issues: [...issues, ...GAVE_UP.issues], locate };
  }
  return { data: builder.failed || scan.fatal ? undefined : data, issues, locate };
}

const EMPTY: LoadIssue = {
  rule: PARSE_EMPTY,
  messageId: 'noManifest',
  offset: 0,
  message:
    'file holds no manifest (it is empty or only comments); delete the file to remove an identity, or set ' +
    'status: decommissioned to keep it as a tombstone',
};

interface Prop {
  name: string;
  offset: number;
}

/** What the token walk found; `fatal` when the data must not be trusted (anchors, aliases, tags). */
interface Scan {
  tooDeep: number | null;
  documents: number[];
  fatal: boolean;
  issues(lineOf: (offset: number) => number): LoadIssue[];
}

function scanTokens(tokens: readonly CST.Token[], text: string): Scan {
  const directives: number[] = [];
  const anchors: Prop[] = [];
  const aliases: Prop[] = [];
  const tags: number[] = [];
  const documents: number[] = [];
  let tooDeep: number | null = null;

  // A collection's depth is the number of collections around it: the root collection is at 0.
  const nodes: unknown[] = [];
  const depths: number[] = [];
  for (const t of tokens) {
    if (t.type === 'directive') directives.push(t.offset);
    else if (t.type === 'document') {
      documents.push(t.start.find((s) => s.type === 'doc-start')?.offset ?? t.offset);
      nodes.push(t);
      depths.push(0);
    }
  }
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (Array.isArray(node)) {
      for (const n of node) {
        nodes.push(n);
        depths.push(depth);
      }
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    // A token (with `type`) or a collection item ({ start, key, sep, value }).
    const tok = node as {
      type?: string;
      offset: number;
      source: string;
      start?: unknown;
      key?: unknown;
      sep?: unknown;
      value?: unknown;
      end?: unknown;
      items?: unknown;
      props?: unknown;
    };
    const collection = tok.type === 'block-map' || tok.type === 'block-seq' || tok.type === 'flow-collection';
    if (collection && depth > MAX_DEPTH) {
      // Descendants start later; the shallowest too-deep node is the first in the file.
      if (tooDeep === null || tok.offset < tooDeep) tooDeep = tok.offset;
      continue;
    }
    if (tok.type === 'anchor') anchors.push({ name: tok.source.slice(1), offset: tok.offset });
    else if (tok.type === 'tag') tags.push(tok.offset);
    else if (tok.type === 'alias') aliases.push({ name: tok.source.slice(1), offset: tok.offset });
    // A directive line after content without `...` first: yaml reads it as text; reviewers read a directive.
    else if (tok.type === 'scalar' && tok.source.startsWith('%') && (tok.offset === 0 || text[tok.offset - 1] === '\n'))
      directives.push(tok.offset);
    const inner = collection ? depth + 1 : depth;
    for (const child of [tok.start, tok.key, tok.sep, tok.value, tok.end, tok.items, tok.props]) {
      if (child && typeof child === 'object') {
        nodes.push(child);
        depths.push(inner);
      }
    }
  }

  return {
    tooDeep,
    documents: documents.sort((a, b) => a - b),
    fatal: anchors.length > 0 || aliases.length > 0 || tags.length > 0,
    issues: (lineOf) => [
      ...directives
        .sort((a, b) => a - b)
        .map((offset) => ({
          rule: PARSE_DIRECTIVE,
          messageId: 'directive',
          offset,
          message: 'YAML directives (%YAML, %TAG) are not allowed: they change how the rest of the file is read',
        })),
      ...tags
        .sort((a, b) => a - b)
        .map((offset) => ({
          rule: PARSE_TAG,
          messageId: 'explicitTag',
          offset,
          message:
            'explicit YAML tag (!tag or !!type): tags are not allowed; remove it and quote the value if it ' +
            'must be a string',
        })),
      ...aliasIssues(anchors, aliases, lineOf),
    ],
  };
}

/**
 * One finding per anchor name where it first appears, with how often it is used, plus one per
 * redefinition: a billion-laughs file gives nine findings, not thousands, and no alias is expanded.
 * An alias with no anchor before it is not a reference at all but a value that starts with `*`
 * (`actions: [*]`, `resources: [arn:…, *]`): written unquoted, YAML reads it as an alias, so the
 * finding says to quote it.
 */
function aliasIssues(anchors: Prop[], aliases: Prop[], lineOf: (offset: number) => number): LoadIssue[] {
  const props = [...anchors.map((p) => ({ ...p, alias: false })), ...aliases.map((p) => ({ ...p, alias: true }))].sort(
    (a, b) => a.offset - b.offset,
  );
  const byName = new Map<string, { uses: number; firstUse: number; issue: LoadIssue; unquoted: boolean }>();
  const out: LoadIssue[] = [];
  const tail = 'anchors and aliases are not allowed; write the value out in full where it is used so reviewers see it';
  for (const p of props) {
    const name = p.name.length > 40 ? `${p.name.slice(0, 40)}…` : p.name;
    const seen = byName.get(p.name);
    if (p.alias) {
      if (seen) {
        seen.uses++;
        if (seen.firstUse < 0) seen.firstUse = p.offset;
        continue;
      }
      const issue = {
        rule: PARSE_ALIAS,
        messageId: 'unquotedStar',
        offset: p.offset,
        message:
          `unquoted *${name}: YAML reads a value that starts with * as an alias (a reference to an &anchor), ` +
          `not as text; quote it: "*${name}"`,
      };
      byName.set(p.name, { uses: 0, firstUse: -1, issue, unquoted: true });
      out.push(issue);
    } else if (seen && !seen.unquoted) {
      out.push({
        rule: PARSE_ALIAS,
        messageId: 'anchorRedefined',
        offset: p.offset,
        message:
          `YAML anchor &${name} is defined again (first on line ${lineOf(seen.issue.offset)}): aliases after ` +
          `this line read the new value; ${tail}`,
      });
    } else {
      const issue = {
        rule: PARSE_ALIAS,
        messageId: 'anchor',
        offset: p.offset,
        message: `YAML anchor &${name}: ${tail}`,
      };
      byName.set(p.name, { uses: 0, firstUse: -1, issue, unquoted: false });
      out.push(issue);
    }
  }
  for (const [, s] of byName) {
    if (s.uses === 0) continue;
    if (s.unquoted) s.issue.message += ` (and the ${s.uses} more after it)`;
    else
      s.issue.message = s.issue.message.replace(
        ': anchors',
        ` (used by ${s.uses} alias${s.uses === 1 ? '' : 'es'}, first on line ${lineOf(s.firstUse)}): anchors`,
      );
  }
  return out;
}

class Builder {
  failed = false;
  constructor(
    private readonly text: string,
    private readonly issues: LoadIssue[],
    private readonly lineOf: (offset: number) => number,
  ) {}

  private issue(rule: string, messageId: string, offset: number, message: string, fatal = true): void {
    this.issues.push({ rule, messageId, offset, message });
    if (fatal) this.failed = true;
  }

  build(node: unknown, depth: number): unknown {
    // Anchors, aliases and tags were reported from the tokens; an alias is never followed.
    if (isAlias(node)) return null;
    const n = node as YamlNode;
    if (depth > MAX_DEPTH && (isMap(n) || isSeq(n))) {
      this.issue(
        PARSE_DEPTH,
        'tooDeep',
        startOf(n, 0),
        `nesting is too deep (over ${MAX_DEPTH} levels); no manifest needs more than a few`,
      );
      return null;
    }
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === 'string' && n.type === 'QUOTE_DOUBLE') this.escapes(n, v);
      return v;
    }
    if (isSeq(n)) return n.items.map((item) => this.build(item, depth + 1));
    if (isMap(n)) return this.mapping(n.items, startOf(n, 0), depth);
    return null;
  }

  private mapping(pairs: readonly Pair[], start: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const exact = new Map<string, number>();
    const folded = new Map<string, { key: string; offset: number }>();
    for (const pair of pairs) {
      const key = pair.key;
      const keyOffset = this.keyOffset(key, startOf(pair.value, start));
      if (isAlias(key)) continue;
      if (!isScalar(key) || typeof key.value !== 'string') {
        const what = isScalar(key)
          ? key.value === null
            ? 'an empty or null key'
            : `a ${typeof key.value} key`
          : 'a complex key (a list or mapping used as a key)';
        this.issue(
          SCHEMA_KEY,
          'notPlainKey',
          keyOffset,
          `${what} is not allowed; keys are plain text` +
            (isScalar(key) && key.value !== null ? ' — quote it so YAML keeps it as written' : ''),
        );
        continue;
      }
      const k = key.value;
      if (key.type === 'QUOTE_DOUBLE' && /\\/.test(this.text.slice(startOf(key, 0), key.range?.[1] ?? 0))) {
        // "princip\x61l" reads as principal: the key a reviewer sees is not the key that applies.
        this.issue(
          SCHEMA_KEY,
          'escapedKey',
          keyOffset,
          `key ${shortKey(k)} is written with escape sequences; write it out plainly`,
        );
      }
      if (!KEY_CHARSET.test(k)) {
        this.issue(
          SCHEMA_KEY,
          'badCharacters',
          keyOffset,
          `key ${shortKey(k)} is not allowed: keys are 1 to 128 printable ASCII characters without spaces`,
        );
      }
      const first = exact.get(k);
      if (first !== undefined) {
        this.issue(
          PARSE_DUPLICATE_KEY,
          'duplicate',
          keyOffset,
          `duplicate key ${shortKey(k)} (also on line ${this.lineOf(first)}); YAML would silently keep only ` +
            `one of them — remove one`,
        );
        continue;
      }
      exact.set(k, keyOffset);
      // NFKC also folds full-width and other compatibility look-alikes onto ASCII.
      const norm = k.normalize('NFKC').toLowerCase();
      const twin = folded.get(norm);
      if (twin !== undefined) {
        this.issue(
          PARSE_DUPLICATE_KEY_NORMALIZED,
          'lookAlike',
          keyOffset,
          `key ${shortKey(k)} differs from ${shortKey(twin.key)} (line ${this.lineOf(twin.offset)}) only by ` +
            `case or Unicode normalisation; keep one spelling`,
        );
        continue;
      }
      folded.set(norm, { key: k, offset: keyOffset });
      setKey(out, k, this.build(pair.value, depth + 1));
    }
    return out;
  }

  /** An empty key (`: x`) has an empty node at the start of the line; point at the `:` instead. */
  private keyOffset(key: unknown, fallback: number): number {
    const at = startOf(key, fallback);
    if (isScalar(key) && key.value === null && key.range?.[0] === key.range?.[1]) {
      let i = at;
      while (this.text[i] === ' ') i++;
      return i;
    }
    return at;
  }

  /**
   * A double-quoted "\u202e" or "\x00" is invisible in review; raw characters are left to scanChars.
   * Not fatal, like the raw ones: the value is still read, so the rest of the file is still judged.
   */
  private escapes(n: YamlNode, value: string): void {
    if (suspiciousInValue(value) === null) return;
    const range = n.range ?? [0, 0];
    const source = this.text.slice(range[0], range[1]);
    for (const m of source.matchAll(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\s\S])/g)) {
      const c = unescape(m[1]!);
      const rule = c === null ? null : suspiciousInValue(c);
      if (rule && c !== null) {
        this.issue(
          rule,
          'escapedCharacter',
          range[0] + m.index,
          `escaped ${rule === PARSE_TROJAN_SOURCE ? 'invisible bidirectional or zero-width' : 'control'} ` +
            `character ${codePoint(c)} in a quoted value; remove the escape`,
          false,
        );
        return;
      }
    }
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\u0000',
  a: '\u0007',
  b: '\b',
  v: '\v',
  f: '\f',
  e: '\u001b',
  N: '\u0085',
};

function unescape(e: string): string | null {
  if (e.length > 1) {
    const cp = parseInt(e.slice(1), 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
  }
  return SIMPLE_ESCAPES[e] ?? null;
}

/** A key as ASCII text: anything else escaped as \uXXXX, so look-alikes and invisibles show. */
function shortKey(k: string): string {
  const escaped = k
    .slice(0, 40)
    .replace(/[^\x20-\x7e]|["\\]/g, (c) =>
      c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return `"${escaped}${k.length > 40 ? '…' : ''}"`;
}

/** `__proto__` must become an own property, never the object's prototype. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function startOf(node: unknown, fallback: number): number {
  return node && typeof node === 'object' && 'range' in node ? ((node as YamlNode).range?.[0] ?? fallback) : fallback;
}

/** data path → offset of the key (or item) or of the value; falls back to the deepest node that exists. */
function locator(doc: Document.Parsed): Locate {
  return (path, at) => {
    let node: unknown = doc.contents;
    let keyOffset = 0; // the document root for a missing key at the top
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      let next: unknown;
      let nextKey = -1;
      if (isMap(node) && typeof seg === 'string') {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (pair) {
          next = pair.value;
          nextKey = startOf(pair.key, 0);
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        if (next) nextKey = startOf(next, -1);
      }
      if (nextKey < 0) return keyOffset;
      keyOffset = nextKey;
      node = next;
      if (i === path.length - 1) {
        if (at === 'key') return keyOffset;
        return isPair(node) ? keyOffset : startOf(node, keyOffset);
      }
    }
    if (path.length === 0) return 0;
    return keyOffset;
  };
}
