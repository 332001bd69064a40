// Does the Condition element of an AWS grant hold for one request context? IAM's documented semantics,
// from four pages of the IAM User Guide (cited by their file names below):
// - reference_policies_elements_condition_operators.html (the operators, `…IfExists`, `Null`),
// - reference_policies_condition-single-vs-multi-valued-context-keys.html (single- vs multivalued keys),
// - reference_policies_multi-value-conditions.html (`ForAllValues:` / `ForAnyValue:`),
// - reference_policies_variables.html (policy variables in condition values).
//
// - All operators must hold, and all keys under one operator (AND); the values listed for one key
//   are alternatives (OR). A negated operator (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`, …)
//   holds when the request value matches none of them (NOR).
// - A key absent from the request: a positive operator does not hold; a negated one does ("If the
//   policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and
//   the right key is not present, the condition is true"); `…IfExists` holds; `Null` tests exactly
//   that. `ForAllValues:` holds ("It also returns true if there are no context keys in the request");
//   `ForAnyValue:` does not, unless the operator also ends in `IfExists`.
// - A multivalued key (the context gives a list) needs a set operator: a plain operator on a list
//   never holds, negated or `IfExists` included (the set-operator page: "Multivalued context keys
//   require a condition set operator"). A set operator on a single value treats it as a one-value set.
//   An empty list is a present key with no values: `ForAllValues:` holds, `ForAnyValue:` does not.
// - Key names are case-insensitive, as IAM's; values compare case-sensitively except in
//   `StringEqualsIgnoreCase` / `StringNotEqualsIgnoreCase` and `Bool`.
// - Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, and the escapes `${*}`,
//   `${?}`, `${$}`) are substituted from the context in String, Arn and Bool values, the operators
//   whose values IAM reads as text; Numeric, Date and IP values are literals. A variable whose key is
//   absent or multivalued, with no default, cannot be resolved: that value matches nothing, and a
//   negated operator with such a value does not hold ("If AWS cannot resolve a variable, this might
//   cause the entire statement to be invalid").
// - A value the operator cannot read (a number that is not one, an address that is not an address)
//   likewise matches nothing, and fails a negated operator. IPv4 and IPv6 are different families: an
//   IPv6 address is outside every IPv4 block (so `NotIpAddress` on an IPv4 block holds for it).
// - Dates are ISO 8601 (UTC when no zone is written) or epoch seconds.

import { parseOperator, type AwsConditions, type BaseOperator, type ConditionValue } from './aws-conditions.js';

/** One context key's value: a single-valued key gives a string, a multivalued key a list. */
export type ContextValue = string | readonly string[];

/** The request context: condition key (any case, as IAM reads them) → value. Keys absent are absent. */
export type RequestContext = Readonly<Record<string, ContextValue>>;

type Lookup = ReadonlyMap<string, ContextValue>;

/** Whether every condition holds for the request; no conditions always hold. */
export function conditionsAllow(conditions: AwsConditions | null | undefined, context: RequestContext): boolean {
  if (!conditions) return true;
  const lookup: Lookup = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [operatorText, block] of Object.entries(conditions)) {
    const operator = parseOperator(operatorText);
    // IAM rejects a policy with an operator it does not know; such a grant allows nothing.
    if (operator === null) return false;
    for (const [key, raw] of Object.entries(block)) {
      const values = (Array.isArray(raw) ? (raw as readonly ConditionValue[]) : [raw as ConditionValue]).map(String);
      if (!keyHolds(operator, key, values, lookup)) return false;
    }
  }
  return true;
}

const NEGATED: Partial<Record<BaseOperator, BaseOperator>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NotIpAddress: 'IpAddress',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
};

function keyHolds(
  operator: NonNullable<ReturnType<typeof parseOperator>>,
  key: string,
  values: readonly string[],
  lookup: Lookup,
): boolean {
  const present = lookup.get(key.toLowerCase());
  if (operator.base === 'Null') {
    const want = present === undefined ? 'true' : 'false';
    return values.some((v) => v.toLowerCase() === want);
  }
  const negated = operator.base in NEGATED;
  if (operator.set !== null) {
    if (present === undefined) return operator.set === 'ForAllValues' || operator.ifExists;
    const set: readonly string[] = typeof present === 'string' ? [present] : present;
    const one = (r: string) => valueMatches(operator.base, r, values, lookup);
    return operator.set === 'ForAllValues' ? set.every(one) : set.some(one);
  }
  if (present === undefined) return operator.ifExists || negated;
  if (typeof present !== 'string') return false;
  return valueMatches(operator.base, present, values, lookup);
}

/** One request value against the listed values: OR for a positive operator, NOR for a negated one. */
function valueMatches(base: BaseOperator, request: string, values: readonly string[], lookup: Lookup): boolean {
  const positive = NEGATED[base];
  if (positive !== undefined) return values.every((v) => compare(positive, request, v, lookup) === false);
  return values.some((v) => compare(base, request, v, lookup) === true);
}

/** true / false, or null when either side cannot be read (which no operator, negated or not, accepts). */
function compare(base: BaseOperator, request: string, policy: string, lookup: Lookup): boolean | null {
  switch (base) {
    case 'StringEquals':
    case 'StringEqualsIgnoreCase': {
      const text = resolve(policy, lookup);
      if (text === null) return null;
      const literal = text.map((t) => (typeof t === 'string' ? t : t.wild)).join('');
      return base === 'StringEquals' ? literal === request : literal.toLowerCase() === request.toLowerCase();
    }
    case 'StringLike': {
      const pattern = resolve(policy, lookup);
      return pattern === null ? null : globMatches(pattern, request);
    }
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatches(policy, request, lookup);
    case 'Bool': {
      const text = resolve(policy, lookup);
      if (text === null) return null;
      const p = text
        .map((t) => (typeof t === 'string' ? t : t.wild))
        .join('')
        .toLowerCase();
      const r = request.toLowerCase();
      if (!BOOLS.has(p) || !BOOLS.has(r)) return null;
      return p === r;
    }
    case 'IpAddress':
      return ipInBlock(request, policy);
    default:
      return compareOrdered(base, request, policy);
  }
}

const BOOLS = new Set(['true', 'false']);

// --- Policy variables and wildcards. ---

/** A resolved value: literal text, and the wildcards the author wrote (`${*}` and `${?}` are literal). */
type Piece = string | { wild: '*' | '?' };

/** Splits a value into literal text and wildcards, substituting variables; null when one cannot resolve. */
function resolve(value: string, lookup: Lookup): Piece[] | null {
  const out: Piece[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch === '*' || ch === '?') {
      out.push({ wild: ch });
      i++;
      continue;
    }
    const end = ch === '$' && value[i + 1] === '{' ? value.indexOf('}', i + 2) : -1;
    if (end === -1) {
      out.push(ch);
      i++;
      continue;
    }
    const inner = value.slice(i + 2, end);
    i = end + 1;
    if (inner === '*' || inner === '?' || inner === '$') {
      out.push(inner);
      continue;
    }
    // `${key, 'default'}`: the default is used when the key has no single value.
    const withDefault = /^\s*([^,]+?)\s*,\s*'(.*)'\s*$/.exec(inner);
    const name = (withDefault ? withDefault[1]! : inner).trim().toLowerCase();
    const found = lookup.get(name);
    if (typeof found === 'string') out.push(found);
    else if (withDefault) out.push(withDefault[2]!.replaceAll("''", "'"));
    else return null;
  }
  return out;
}

/** `*` any run of characters, `?` exactly one, everything else literally, case-sensitive. */
function globMatches(pattern: readonly Piece[], text: string): boolean {
  // One token per character, so literal text and wildcards interleave simply; `wild` marks `*` and `?`.
  const toks = pattern.flatMap((p) =>
    typeof p === 'string' ? Array.from(p, (ch) => ({ ch, wild: false })) : [{ ch: p.wild, wild: true }],
  );
  const isStar = (i: number) => i < toks.length && toks[i]!.wild && toks[i]!.ch === '*';
  // Two pointers, backtracking to the last `*` seen.
  const chars = Array.from(text);
  let t = 0;
  let s = 0;
  let star = -1;
  let mark = 0;
  while (s < chars.length) {
    const tok = toks[t];
    if (isStar(t)) {
      star = t++;
      mark = s;
    } else if (tok && (tok.wild || tok.ch === chars[s])) {
      t++;
      s++;
    } else if (star !== -1) {
      t = star + 1;
      s = ++mark;
    } else return false;
  }
  while (isStar(t)) t++;
  return t === toks.length;
}

/**
 * ArnEquals and ArnLike are the same test: "Each of the six colon-delimited components of the ARN is checked
 * separately and each can include multi-character match wildcards (*) or single-character match wildcards (?)".
 * The resource, everything after the fifth colon, is one component.
 */
function arnMatches(policy: string, request: string, lookup: Lookup): boolean | null {
  const p = arnFields(policy);
  const r = arnFields(request);
  if (p === null || r === null) return null;
  for (let f = 0; f < 6; f++) {
    const pattern = resolve(p[f]!, lookup);
    if (pattern === null) return null;
    if (!globMatches(pattern, r[f]!)) return false;
  }
  return true;
}

/** The six components; a colon inside a policy variable (`${aws:username}`) separates nothing. */
function arnFields(text: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' && text[i - 1] === '$') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  if (parts.length < 6) return null;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

// --- Numbers and dates. ---

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EPOCH = /^\d+$/;
const ISO_8601 = new RegExp(
  String.raw`^\d{4}-\d{2}-\d{2}` + String.raw`(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`,
);

function parseNumber(text: string): number | null {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : null;
}

/** Milliseconds since the epoch; epoch values are seconds ("epoch (UNIX) time"). */
function parseDate(text: string): number | null {
  if (EPOCH.test(text)) return Number(text) * 1000;
  if (!ISO_8601.test(text)) return null;
  // A time without a zone is read as UTC, not as this machine's local time, so results are the same anywhere.
  const zoned = /T[^Z+-]*$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : ms;
}

function compareOrdered(base: BaseOperator, request: string, policy: string): boolean | null {
  const isDate = base.startsWith('Date');
  const parse = isDate ? parseDate : parseNumber;
  const r = parse(request);
  const p = parse(policy);
  if (r === null || p === null) return null;
  const op = base.slice(isDate ? 'Date'.length : 'Numeric'.length);
  if (op === 'Equals') return r === p;
  if (op === 'LessThan') return r < p;
  if (op === 'LessThanEquals') return r <= p;
  if (op === 'GreaterThan') return r > p;
  if (op === 'GreaterThanEquals') return r >= p;
  return null;
}

// --- IP addresses. ---

interface Address {
  v6: boolean;
  bits: bigint;
}

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(text: string): bigint | null {
  let body = text;
  // An IPv4 tail (`::ffff:10.0.0.1`) stands for the last two groups.
  const lastColon = body.lastIndexOf(':');
  const last = body.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseV4(last);
    if (v4 === null) return null;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const split = (h: string) => (h === '' ? [] : h.split(':'));
  let groups = split(halves[0]!);
  if (halves.length === 2) {
    const rest = split(halves[1]!);
    const missing = 8 - groups.length - rest.length;
    if (missing < 1) return null;
    groups = [...groups, ...Array<string>(missing).fill('0'), ...rest];
  }
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function parseAddress(text: string): Address | null {
  const v4 = parseV4(text);
  if (v4 !== null) return { v6: false, bits: v4 };
  const v6 = text.includes(':') ? parseV6(text) : null;
  return v6 === null ? null : { v6: true, bits: v6 };
}

/** A block in CIDR notation; an address alone is a block of one (`/32`, `/128`). */
function ipInBlock(request: string, block: string): boolean | null {
  const [addr, prefixText, ...extra] = block.split('/');
  const base = parseAddress(addr!);
  const ip = parseAddress(request);
  if (base === null || ip === null || extra.length > 0) return null;
  const width = base.v6 ? 128 : 32;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (prefix > width) return null;
  if (ip.v6 !== base.v6) return false;
  const shift = BigInt(width - prefix);
  return ip.bits >> shift === base.bits >> shift;
}
