// The Condition element of an AWS grant as a manifest writes it (SPEC §2): IAM operator → condition
// key → one value or a list, exactly IAM's JSON shape, so it compiles into the policy unchanged.
// Operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

/** A value as YAML gives it: `false`, `443` and `"vpc-1"` all stay what the author wrote. */
export type ConditionValue = string | number | boolean;

/** `{ StringEquals: { "aws:SourceVpc": "vpc-1" } }`. */
export type AwsConditions = Readonly<
  Record<string, Readonly<Record<string, ConditionValue | readonly ConditionValue[]>>>
>;

/** The operators without their `…IfExists` suffix and `ForAllValues:`/`ForAnyValue:` prefix. */
export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnNotEquals',
  'ArnLike',
  'ArnNotLike',
  'Bool',
  'IpAddress',
  'NotIpAddress',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Null',
] as const;

export type BaseOperator = (typeof BASE_OPERATORS)[number];

export interface Operator {
  base: BaseOperator;
  /** `ForAllValues:` / `ForAnyValue:`: the key holds a set of values. */
  set: 'ForAllValues' | 'ForAnyValue' | null;
  /** `…IfExists`: a request without the key passes. */
  ifExists: boolean;
}

const BASES: ReadonlySet<string> = new Set(BASE_OPERATORS);

/** Reads an operator as written (`ForAnyValue:StringLikeIfExists`); null for anything IAM does not know. */
export function parseOperator(text: string): Operator | null {
  let rest = text;
  let set: Operator['set'] = null;
  for (const prefix of ['ForAllValues', 'ForAnyValue'] as const)
    if (rest.startsWith(`${prefix}:`)) {
      set = prefix;
      rest = rest.slice(prefix.length + 1);
    }
  let ifExists = false;
  // `Null` takes no IfExists: whether the key exists is the whole test.
  if (rest.endsWith('IfExists') && rest !== 'NullIfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  return BASES.has(rest) ? { base: rest as BaseOperator, set, ifExists } : null;
}

/** Every operator as IAM spells it, prefixes and suffix included, for "did you mean". */
export function operatorNames(): string[] {
  const out: string[] = [];
  for (const set of ['', 'ForAllValues:', 'ForAnyValue:'])
    for (const base of BASE_OPERATORS) {
      out.push(`${set}${base}`);
      if (base !== 'Null') out.push(`${set}${base}IfExists`);
    }
  return out;
}

/**
 * The conditions as the schema types them (index signatures may hold undefined), with nothing
 * empty: null for a permission without conditions, so "no conditions" has one form.
 */
export function conditionsOf(
  raw:
    | Readonly<
        Record<string, Readonly<Record<string, ConditionValue | readonly ConditionValue[] | undefined>> | undefined>
      >
    | undefined,
): AwsConditions | null {
  if (raw === undefined) return null;
  const out: Record<string, Record<string, ConditionValue | readonly ConditionValue[]>> = {};
  for (const [op, keys] of Object.entries(raw)) {
    if (keys === undefined) continue;
    const entry: Record<string, ConditionValue | readonly ConditionValue[]> = {};
    for (const [k, v] of Object.entries(keys)) if (v !== undefined) entry[k] = v;
    if (Object.keys(entry).length > 0) out[op] = entry;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** One (operator, key, values) test of a Condition element, in the order the manifest writes them. */
export interface ConditionTest {
  operator: string;
  key: string;
  values: readonly ConditionValue[];
}

export function conditionTests(conditions: AwsConditions): ConditionTest[] {
  return Object.entries(conditions).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, v]) => ({ operator, key, values: Array.isArray(v) ? v : [v as ConditionValue] })),
  );
}

/**
 * The identity of a set of conditions: operators and keys sorted, and each list sorted, since IAM
 * reads the values of one key as a set. Two permissions differ in access exactly when this differs.
 */
export function conditionsKey(conditions: AwsConditions | null): string {
  if (conditions === null) return '';
  const ops = Object.keys(conditions).sort();
  return JSON.stringify(
    ops.map((op) => {
      const keys = conditions[op]!;
      return [
        op,
        Object.keys(keys)
          .sort()
          .map((k) => {
            const v: ConditionValue | readonly ConditionValue[] = keys[k]!;
            const list: readonly ConditionValue[] = typeof v === 'object' ? v : [v];
            return [k, list.map((x) => JSON.stringify(x)).sort()];
          }),
      ];
    }),
  );
}

const WORDS: Record<BaseOperator, readonly [one: string, many: string]> = {
  StringEquals: ['=', 'in'],
  StringNotEquals: ['≠', 'not in'],
  StringEqualsIgnoreCase: ['= (any case)', 'in (any case)'],
  StringNotEqualsIgnoreCase: ['≠ (any case)', 'not in (any case)'],
  StringLike: ['like', 'like one of'],
  StringNotLike: ['not like', 'like none of'],
  ArnEquals: ['=', 'in'],
  ArnNotEquals: ['≠', 'not in'],
  ArnLike: ['like', 'like one of'],
  ArnNotLike: ['not like', 'like none of'],
  Bool: ['=', 'in'],
  IpAddress: ['within', 'within one of'],
  NotIpAddress: ['not within', 'within none of'],
  NumericEquals: ['=', 'in'],
  NumericNotEquals: ['≠', 'not in'],
  NumericLessThan: ['<', '< one of'],
  NumericLessThanEquals: ['≤', '≤ one of'],
  NumericGreaterThan: ['>', '> one of'],
  NumericGreaterThanEquals: ['≥', '≥ one of'],
  DateEquals: ['=', 'in'],
  DateNotEquals: ['≠', 'not in'],
  DateLessThan: ['<', '< one of'],
  DateLessThanEquals: ['≤', '≤ one of'],
  DateGreaterThan: ['>', '> one of'],
  DateGreaterThanEquals: ['≥', '≥ one of'],
  Null: ['', ''],
};

/**
 * One test in words: `aws:SourceVpc = vpc-1`, `s3:prefix like one of [home/*, tmp/*]`,
 * `aws:TagKeys: every value in [team, env]`, `aws:SourceIp within 10.0.0.0/8 (if present)`.
 * An operator IAM does not know is shown as written, so the text never hides what the policy says.
 */
export function conditionTestText(t: ConditionTest): string {
  const op = parseOperator(t.operator);
  const values = t.values.map(String);
  const shown = values.length === 1 ? values[0]! : `[${values.join(', ')}]`;
  if (op === null) return `${t.key} ${t.operator} ${shown}`;
  const subject =
    op.set === 'ForAllValues' ? `every value of ${t.key}` : op.set === 'ForAnyValue' ? `some value of ${t.key}` : t.key;
  let text: string;
  if (op.base === 'Null') {
    const absent = values.map((v) => v.toLowerCase());
    text =
      absent.length === 1 ? `${subject} ${absent[0] === 'true' ? 'is absent' : 'exists'}` : `${subject} Null ${shown}`;
  } else {
    const [one, many] = WORDS[op.base];
    text = `${subject} ${values.length === 1 ? one : many} ${shown}`;
  }
  return op.ifExists ? `${text} (if present)` : text;
}

/** All tests joined: `aws:SourceVpc = vpc-1 and s3:prefix like home/*`; '' without conditions. */
export function conditionsText(conditions: AwsConditions | null): string {
  return conditions === null ? '' : conditionTests(conditions).map(conditionTestText).join(' and ');
}

// Keys that tie a request to named resources, networks or accounts: with a positive test on one of
// them, `*` no longer reaches every resource of the account (issue 16, SPEC §2).
const NARROWING_KEYS = new Set([
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  's3:prefix',
  'aws:resourceaccount',
  's3:resourceaccount',
]);
const POSITIVE: ReadonlySet<BaseOperator> = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
  'IpAddress',
]);

function pins(value: ConditionValue): boolean {
  const v = String(value);
  // A pattern of wildcards alone, or an all-addresses range, lets every request through.
  return !/^[*?]*$/.test(v) && !/^(0\.0\.0\.0|::)\/0$/.test(v);
}

/**
 * The first condition key (as written) that narrows a grant on `*`: a positive test (Equals,
 * Like, ArnEquals/ArnLike, IpAddress) on aws:ResourceTag/…, aws:SourceVpc(e), aws:SourceIp,
 * s3:prefix or the resource account. Not Not…, not …IfExists (a request without the key passes),
 * not ForAllValues: (an empty set passes); null when nothing narrows.
 */
export function narrowingKey(conditions: AwsConditions | null): string | null {
  if (conditions === null) return null;
  for (const t of conditionTests(conditions)) {
    const op = parseOperator(t.operator);
    if (op === null || op.ifExists || op.set === 'ForAllValues' || !POSITIVE.has(op.base)) continue;
    const key = t.key.toLowerCase();
    const tag = key.startsWith('aws:resourcetag/') && key.length > 'aws:resourcetag/'.length;
    if ((tag || NARROWING_KEYS.has(key)) && t.values.length > 0 && t.values.every(pins)) return t.key;
  }
  return null;
}

/** What a value must look like for an operator, when it does not: `'true or false'`; null when it fits. */
export function valueProblem(op: Operator, value: ConditionValue): string | null {
  const text = String(value);
  switch (op.base) {
    case 'Bool':
    case 'Null':
      return typeof value === 'boolean' || /^(true|false)$/i.test(text) ? null : 'true or false';
    case 'IpAddress':
    case 'NotIpAddress':
      return isIpRange(text) ? null : 'an IP address or CIDR range (203.0.113.0/24, 2001:db8::/32)';
    case 'NumericEquals':
    case 'NumericNotEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(text) ? null : 'a number';
    case 'DateEquals':
    case 'DateNotEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return isIamDate(value) ? null : 'an ISO 8601 date or date-time (2026-12-31T23:59:59Z) or epoch seconds';
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'ArnLike':
    case 'ArnNotLike':
      return typeof value === 'string' && (value.startsWith('arn:') || /^[*?]+$/.test(value))
        ? null
        : 'an ARN (arn:partition:service:region:account:resource, wildcards allowed with …Like)';
    default:
      return null;
  }
}

const IPV4 = String.raw`(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}`;
const IPV4_RANGE = new RegExp(String.raw`^${IPV4}(/(3[0-2]|[12]?\d))?$`);

function isIpRange(text: string): boolean {
  if (IPV4_RANGE.test(text)) return true;
  const m = /^([0-9a-f:]+)(\/(\d{1,3}))?$/i.exec(text);
  if (!m || (m[3] !== undefined && Number(m[3]) > 128)) return false;
  const addr = m[1]!;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

// IAM accepts the W3C ISO 8601 profile and epoch seconds (Date condition operators in
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
const ISO_DATE = new RegExp(
  String.raw`^(\d{4})(-(\d{2})(-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$`,
);

function isIamDate(value: ConditionValue): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0;
  if (typeof value !== 'string') return false;
  if (/^\d{9,11}$/.test(value)) return true;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const num = (x: string | undefined): number | null => (x === undefined ? null : Number(x));
  const [month, day, hour, minute, second] = [num(m[3]), num(m[5]), num(m[7]), num(m[8]), num(m[10])];
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day !== null && month !== null) {
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    if (day < 1 || day > last) return false;
  }
  return (hour === null || hour < 24) && (minute === null || minute < 60) && (second === null || second < 60);
}

const templates = new Map<string, RegExp>();

/**
 * Whether a condition key as written matches a key of the reference. Keys are case-insensitive;
 * a variable part (`${TagKey}` or `<key>` in the service reference, `tag-key` in the global list) matches
 * any non-empty text, so `aws:ResourceTag/team` matches `aws:ResourceTag/${TagKey}`.
 */
export function keyMatches(template: string, key: string): boolean {
  let re = templates.get(template);
  if (re === undefined) {
    const source = template
      .split(/(\$\{[^}]*\}|<[^>]*>|\/tag-key$)/)
      .map((part, i) =>
        i % 2 === 1 ? (part.startsWith('/') ? '/.+' : '.+') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    re = new RegExp(`^${source}$`, 'i');
    templates.set(template, re);
  }
  return re.test(key);
}
