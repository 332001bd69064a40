// The authoritative parse: `yaml` with positions, hardened per THREATS.md §A. Produces plain data,
// the load findings, and a locator from a data path back to the YAML node for file:line:column.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Path } from '../findings.js';
import { KEY_CHARSET, MAX_DEPTH } from './core-scalars.js';
import { suspiciousInValue, codePoint } from './text-checks.js';

export interface LoadIssue {
  rule: string;
  offset: number;
  message: string;
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

const SYNTAX_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tab used for indentation; indent with spaces',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_INDENT: 'indentation does not line up with the enclosing block',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; quote the value or use a block scalar',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block cannot be used as a key',
  UNEXPECTED_TOKEN: 'unexpected character here',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote it',
};

export function parseYaml(text: string): Parsed {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...OPTIONS, lineCounter }) as unknown as Document.Parsed[];
  } catch {
    return { data: undefined, issues: [{ rule: 'parse/syntax', offset: 0, message: 'the YAML parser gave up on this file; simplify its structure' }], locate: () => 0 };
  }
  const issues: LoadIssue[] = [];
  const directive = /^%/m.exec(text);
  if (directive) issues.push({ rule: 'parse/directive', offset: directive.index, message: 'YAML directives (%YAML, %TAG) are not allowed: they change how the rest of the file is read' });
  if (docs.length === 0) {
    issues.push({ rule: 'parse/empty', offset: 0, message: 'file holds no document; delete the file to remove an identity, or set status: decommissioned to keep it as a tombstone' });
    return { data: undefined, issues, locate: () => 0 };
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const at = text.lastIndexOf('---', second.range[0] + 3);
    issues.push({ rule: 'parse/multi-document', offset: at >= 0 ? at : second.range[0], message: 'a second YAML document; one manifest per file: move it to a file of its own' });
  }
  const doc = docs[0]!;
  const locate = locator(doc);
  const syntax = [...doc.errors, ...doc.warnings].filter((e) => e.code !== 'TAG_RESOLVE_FAILED' && e.code !== 'BAD_DIRECTIVE');
  if (syntax.length > 0) {
    const seen = new Set<string>();
    for (const e of syntax) {
      if (seen.has(e.code) || seen.size >= 5) continue;
      seen.add(e.code);
      const exhausted = e.code === 'RESOURCE_EXHAUSTION';
      issues.push({
        rule: exhausted ? 'parse/depth' : 'parse/syntax',
        offset: e.pos[0],
        message: exhausted ? `nesting is too deep (over ${MAX_DEPTH} levels)` : `YAML syntax error: ${SYNTAX_MESSAGES[e.code] ?? e.message.split('\n')[0]}`,
      });
    }
    return { data: undefined, issues, locate };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range[0] === doc.contents.range[1])) {
    issues.push({ rule: 'parse/empty', offset: 0, message: 'file holds no manifest (empty or only comments); delete the file to remove an identity, or set status: decommissioned to keep it as a tombstone' });
    return { data: undefined, issues, locate };
  }
  const builder = new Builder(issues, (offset) => lineCounter.linePos(offset).line);
  const data = builder.build(doc.contents, 0);
  return { data: builder.failed ? undefined : data, issues, locate };
}

class Builder {
  failed = false;
  constructor(private readonly issues: LoadIssue[], private readonly lineOf: (offset: number) => number) {}

  private issue(rule: string, offset: number, message: string, fatal = true): void {
    this.issues.push({ rule, offset, message });
    if (fatal) this.failed = true;
  }

  build(node: unknown, depth: number): unknown {
    if (isAlias(node)) {
      this.issue('parse/alias', startOf(node, 0), `YAML alias (*${node.source.slice(0, 40)}): anchors and aliases are not allowed; write the value out in full so reviewers see it`);
      return null;
    }
    const n = node as YamlNode;
    if (n.anchor) this.issue('parse/alias', anchorOffset(n), `YAML anchor (&${n.anchor}): anchors and aliases are not allowed; write the value out in full so reviewers see it`);
    if (n.tag) this.issue('parse/tag', startOf(n, 0), 'explicit YAML tag (!tag or !!type): tags are not allowed; remove it and quote the value if it must be a string');
    if (depth > MAX_DEPTH) {
      this.issue('parse/depth', startOf(n, 0), `nesting is too deep (over ${MAX_DEPTH} levels)`);
      return null;
    }
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === 'string' && n.type === 'QUOTE_DOUBLE') {
        const bad = suspiciousInValue(v);
        if (bad) this.issue(bad, startOf(n, 0), `escaped ${bad === 'parse/trojan-source' ? 'invisible bidirectional or zero-width' : 'control'} character ${codePoint(firstSuspicious(v))} in a quoted value; remove the escape`);
      }
      return v;
    }
    if (isSeq(n)) return n.items.map((item) => this.build(item, depth + 1));
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      const exact = new Map<string, number>();
      const folded = new Map<string, { key: string; offset: number }>();
      for (const pair of n.items as Pair[]) {
        const key = pair.key;
        const keyOffset = startOf(key, startOf(pair.value, startOf(n, 0)));
        if (isAlias(key)) {
          this.build(key, depth + 1);
          continue;
        }
        if (!isScalar(key) || typeof key.value !== 'string') {
          const what = isScalar(key) ? (key.value === null ? 'an empty key' : `a ${typeof key.value} key`) : 'a complex key (a list or mapping used as a key)';
          this.issue('schema/key', keyOffset, `${what} is not allowed; keys are plain text${isScalar(key) && key.value !== null ? ' — quote it so YAML keeps it as written' : ''}`);
          continue;
        }
        if ((key as YamlNode).anchor || (key as YamlNode).tag) this.build(key, depth + 1);
        const k = key.value;
        if (!KEY_CHARSET.test(k)) {
          this.issue('schema/key', keyOffset, 'key has characters outside printable ASCII (or spaces, or is over 128 characters); keys are plain ASCII names');
          continue;
        }
        const first = exact.get(k);
        if (first !== undefined) {
          this.issue('parse/duplicate-key', keyOffset, `duplicate key "${k}" (also on line ${this.lineOf(first)}); YAML would silently keep only the last one — remove one`);
          continue;
        }
        exact.set(k, keyOffset);
        const norm = k.normalize('NFC').toLowerCase();
        const twin = folded.get(norm);
        if (twin !== undefined) {
          this.issue('parse/duplicate-key-normalized', keyOffset, `key "${k}" differs from "${twin.key}" (line ${this.lineOf(twin.offset)}) only by case or Unicode normalisation; keep one spelling`);
          continue;
        }
        folded.set(norm, { key: k, offset: keyOffset });
        setKey(out, k, this.build(pair.value, depth + 1));
      }
      return out;
    }
    return null;
  }
}

/** `__proto__` must become an own property, never the object's prototype. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function firstSuspicious(v: string): string {
  for (const c of v) if (suspiciousInValue(c)) return c;
  return v[0] ?? '';
}

function anchorOffset(n: YamlNode): number {
  return startOf(n, 0);
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
        const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === seg);
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
