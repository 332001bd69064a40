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
