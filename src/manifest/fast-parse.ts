// The fast path: js-yaml (no positions, ~5× cheaper than `yaml` here) for files that are
// clean. It gives up — returns undefined — on anything that is not plainly clean, and the caller
// then runs the authoritative `parseYaml`, which finds and places the problem. js-yaml gets the
// YAML 1.2 core schema exactly as `yaml` resolves it, so both produce the same data.

import jsYaml from 'js-yaml';
import {
  CORE_BOOL,
  CORE_FLOAT,
  CORE_FLOAT_EXP,
  CORE_FLOAT_NAN,
  CORE_INT,
  CORE_INT_HEX,
  CORE_INT_OCT,
  CORE_NULL,
  KEY_CHARSET,
  MAX_DEPTH,
  resolveFloatNaN,
  resolvesToNonString,
} from './core-scalars.js';
import { hasSuspiciousChars, suspiciousInValue } from './text-checks.js';

const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new jsYaml.Type(tag, {
    kind: 'scalar',
    resolve: (s: string | null) => test.test(s ?? ''),
    construct: (s: string | null) => construct(s ?? ''),
  });

const CORE = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('tag:yaml.org,2002:null', CORE_NULL, () => null),
    scalar('tag:yaml.org,2002:bool', CORE_BOOL, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('tag:yaml.org,2002:int#oct', CORE_INT_OCT, (s) => parseInt(s.substring(2), 8)),
    scalar('tag:yaml.org,2002:int', CORE_INT, (s) => parseInt(s, 10)),
    scalar('tag:yaml.org,2002:int#hex', CORE_INT_HEX, (s) => parseInt(s.substring(2), 16)),
    scalar('tag:yaml.org,2002:float#nan', CORE_FLOAT_NAN, resolveFloatNaN),
    scalar('tag:yaml.org,2002:float#exp', CORE_FLOAT_EXP, (s) => parseFloat(s)),
    scalar('tag:yaml.org,2002:float', CORE_FLOAT, (s) => parseFloat(s)),
  ],
});

// Token starts js-yaml would accept silently but we reject: anchors, aliases, tags, directives,
// merge keys, explicit keys; document markers after the first line (js-yaml lets one sit inside a
// quoted scalar, YAML forbids it); a comment glued to a closing bracket or quote; escapes (a key
// written "princip\x61l" must be reported); tabs and CRs are left to the authoritative parser's exact rules.
// A flow collection used as a key (`[env]: prod`): js-yaml joins it into the string key "env",
// YAML keeps a sequence, which is no key idac accepts. An empty entry of a compact nested list
// (`- -` at the end of a line): js-yaml moves the next line's entry into the inner list. Anything
// but a comment after the first line's `---`: js-yaml reads `---a: b` as a document start and
// the key a, YAML as the key ---a (and `---#c`, `--- a: b` as errors).
const NOT_PLAIN = new RegExp(
  String.raw`(?:^|[\s[\]{},])[&*!]|^%|<<|(?:^|[\s[{,])\?(?:\s|$)|[\t\r]|\n(?:---|\.\.\.)|[\]}"']#|\\` +
    String.raw`|[\]}] *:|(?:^|\s)- +-[ ]*(?:#.*)?$|^---(?!(?: +#.*| *)$)`,
  'm',
);

// js-yaml turns every key into a string with String(): a key YAML reads as a number comes out as
// digits (which resolvesToNonString catches) or, for .inf, -.inf, .nan and 1e400, as one of these.
const NON_FINITE_KEY = /^(?:-?Infinity|NaN)$/;

export function fastParse(source: string): unknown {
  // A leading byte-order mark (decode() removes it; both parsers skip it) must not hide a first line from NOT_PLAIN.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (NOT_PLAIN.test(text) || hasSuspiciousChars(text) || spansLines(text)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: CORE, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return plain(data, 0) ? data : undefined;
}

/**
 * Quoted scalars and flow collections that continue on the next line have indentation rules
 * js-yaml does not enforce; a line that leaves a quote or bracket open might start one, so such
 * files take the full path.
 */
function spansLines(text: string): boolean {
  let dq = 0;
  let sq = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && text.charCodeAt(i - 1) !== 92 /* backslash */) dq++;
    else if (c === 39 /* ' */) sq++;
    else if (c === 91 /* [ */ || c === 123 /* { */) depth++;
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
    else if (c === 10 /* newline */) {
      if ((dq | sq) & 1 || depth !== 0) return true;
      dq = 0;
      sq = 0;
    }
  }
  return ((dq | sq) & 1) === 1 || depth !== 0;
}

/** Everything the authoritative parser would object to in the data itself. */
function plain(node: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof node === 'string') return suspiciousInValue(node) === null;
  if (node === null || typeof node !== 'object') return true;
  if (Array.isArray(node)) return node.every((item) => plain(item, depth + 1));
  const folded = new Set<string>();
  for (const key of Object.keys(node)) {
    // A key that looks like a number, bool or null, or like String() of one, may have been
    // written unquoted: the authoritative parser decides whether that is allowed.
    if (!KEY_CHARSET.test(key) || resolvesToNonString(key) || NON_FINITE_KEY.test(key)) return false;
    const norm = key.toLowerCase(); // KEY_CHARSET admits ASCII only: no Unicode normalisation needed
    if (folded.has(norm)) return false;
    folded.add(norm);
    if (!plain((node as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
