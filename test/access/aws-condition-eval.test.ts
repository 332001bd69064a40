// Each row encodes one sentence of IAM's documentation (quoted or named in `doc`). The pages, all under
// https://docs.aws.amazon.com/IAM/latest/UserGuide/:
// OPS = reference_policies_elements_condition_operators.html
// KEYS = reference_policies_condition-single-vs-multi-valued-context-keys.html
// SETS = reference_policies_multi-value-conditions.html
// VARS = reference_policies_variables.html
// LOGIC = reference_policies_condition-logic-multiple-context-keys-or-values.html

import { describe, expect, it } from 'vitest';
import { conditionsAllow, type RequestContext } from '../../src/access/aws-condition-eval.js';
import type { AwsConditions } from '../../src/access/aws-conditions.js';
import { awsRequestAllowed } from '../../src/access/aws-request.js';

interface Row {
  doc: string;
  conditions: AwsConditions | null;
  context: RequestContext;
  allow: boolean;
}

const VPC = { StringEquals: { 'aws:SourceVpc': 'vpc-1' } };

const rows: Row[] = [
  // --- Logic across operators, keys and values. ---
  { doc: 'no Condition element: the statement applies', conditions: null, context: {}, allow: true },
  {
    doc: 'LOGIC: values of one key are ORed',
    conditions: { StringEquals: { 'aws:SourceVpc': ['vpc-2', 'vpc-1'] } },
    context: { 'aws:SourceVpc': 'vpc-1' },
    allow: true,
  },
  {
    doc: 'LOGIC: values of one key are ORed (none match)',
    conditions: { StringEquals: { 'aws:SourceVpc': ['vpc-2', 'vpc-3'] } },
    context: { 'aws:SourceVpc': 'vpc-1' },
    allow: false,
  },
  {
    doc: 'LOGIC: keys under one operator are ANDed',
    conditions: { StringEquals: { 'aws:SourceVpc': 'vpc-1', 'aws:RequestedRegion': 'eu-west-1' } },
    context: { 'aws:SourceVpc': 'vpc-1', 'aws:RequestedRegion': 'us-east-1' },
    allow: false,
  },
  {
    doc: 'LOGIC: operators are ANDed',
    conditions: { ...VPC, Bool: { 'aws:SecureTransport': 'true' } },
    context: { 'aws:SourceVpc': 'vpc-1', 'aws:SecureTransport': 'false' },
    allow: false,
  },
  {
    doc: 'LOGIC: operators are ANDed (both hold)',
    conditions: { ...VPC, Bool: { 'aws:SecureTransport': true } },
    context: { 'aws:SourceVpc': 'vpc-1', 'aws:SecureTransport': 'true' },
    allow: true,
  },
  {
    doc: 'LOGIC: a negated operator with several values is a NOR',
    conditions: { StringNotEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } },
    context: { 'aws:SourceVpc': 'vpc-2' },
    allow: false,
  },
  {
    doc: 'LOGIC: a negated operator with several values is a NOR (none match)',
    conditions: { StringNotEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } },
    context: { 'aws:SourceVpc': 'vpc-3' },
    allow: true,
  },
  {
    doc: 'OPS: an operator IAM does not know makes the policy invalid',
    conditions: { StringSortOf: { 'aws:SourceVpc': 'vpc-1' } },
    context: { 'aws:SourceVpc': 'vpc-1' },
    allow: false,
  },
  // --- Absent keys. ---
  {
    doc:
      'OPS: "If the key that you specify in a policy condition is not present in the request context, ' +
      'the values do not match"',
    conditions: VPC,
    context: {},
    allow: false,
  },
  {
    doc: 'OPS: "…such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true"',
    conditions: { StringNotLike: { 'aws:SourceVpc': 'vpc-*' } },
    context: {},
    allow: true,
  },
  {
    doc: 'OPS: negated ARN operator on an absent key is true',
    conditions: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } },
    context: {},
    allow: true,
  },
  {
    doc: 'OPS: NotIpAddress on an absent key is true',
    conditions: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    context: {},
    allow: true,
  },
  {
    doc:
      'OPS: "If the policy key is present … evaluate the condition … If the key is not present, ' +
      'evaluate the condition element as true" (IfExists)',
    conditions: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } },
    context: {},
    allow: true,
  },
  {
    doc: 'OPS: IfExists evaluates a present key as usual',
    conditions: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } },
    context: { 'aws:SourceVpc': 'vpc-9' },
    allow: false,
  },
  {
    doc: 'OPS: key names are case-insensitive ("Condition key names are not case-sensitive")',
    conditions: { StringEquals: { 'AWS:SOURCEVPC': 'vpc-1' } },
    context: { 'aws:sourcevpc': 'vpc-1' },
    allow: true,
  },
  // --- Null. ---
  {
    doc: 'OPS: Null true: "the key is not present"',
    conditions: { Null: { 'aws:TokenIssueTime': 'true' } },
    context: {},
    allow: true,
  },
  {
    doc: 'OPS: Null true fails when the key is present',
    conditions: { Null: { 'aws:TokenIssueTime': true } },
    context: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    allow: false,
  },
  {
    doc: 'OPS: Null false: "the key is present and its value is not null"',
    conditions: { Null: { 'aws:TokenIssueTime': false } },
    context: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
    allow: true,
  },
  {
    doc: 'OPS: Null false fails when the key is absent',
    conditions: { Null: { 'aws:TokenIssueTime': 'false' } },
    context: {},
    allow: false,
  },
  // --- Strings. ---
  {
    doc: 'OPS: StringEquals "Exact matching, case sensitive"',
    conditions: { StringEquals: { 'aws:PrincipalTag/team': 'Data' } },
    context: { 'aws:PrincipalTag/team': 'data' },
    allow: false,
  },
  {
    doc: 'OPS: StringEquals does not read wildcards',
    conditions: { StringEquals: { 'aws:PrincipalTag/team': 'd*' } },
    context: { 'aws:PrincipalTag/team': 'data' },
    allow: false,
  },
  {
    doc: 'OPS: StringEquals compares a `*` in the value literally',
    conditions: { StringEquals: { 'aws:PrincipalTag/team': 'd*' } },
    context: { 'aws:PrincipalTag/team': 'd*' },
    allow: true,
  },
  {
    doc: 'OPS: StringNotEquals "Negated matching"',
    conditions: { StringNotEquals: { 'aws:PrincipalTag/team': 'data' } },
    context: { 'aws:PrincipalTag/team': 'web' },
    allow: true,
  },
  {
    doc: 'OPS: StringEqualsIgnoreCase "Exact matching, ignoring case"',
    conditions: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'DATA' } },
    context: { 'aws:PrincipalTag/team': 'data' },
    allow: true,
  },
  {
    doc: 'OPS: StringNotEqualsIgnoreCase "Negated matching, ignoring case"',
    conditions: { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'DATA' } },
    context: { 'aws:PrincipalTag/team': 'data' },
    allow: false,
  },
  {
    doc: 'OPS: StringLike "Case-sensitive matching … can include multi-character match wildcards (*)"',
    conditions: { StringLike: { 's3:prefix': 'home/*' } },
    context: { 's3:prefix': 'home/a/b' },
    allow: true,
  },
  {
    doc: 'OPS: StringLike is case-sensitive',
    conditions: { StringLike: { 's3:prefix': 'home/*' } },
    context: { 's3:prefix': 'HOME/a' },
    allow: false,
  },
  {
    doc: 'OPS: StringLike "…and single-character match wildcards (?)"',
    conditions: { StringLike: { 's3:prefix': 'v?' } },
    context: { 's3:prefix': 'v1' },
    allow: true,
  },
  {
    doc: 'OPS: `?` is exactly one character',
    conditions: { StringLike: { 's3:prefix': 'v?' } },
    context: { 's3:prefix': 'v12' },
    allow: false,
  },
  {
    doc: 'OPS: `*` matches the empty run',
    conditions: { StringLike: { 's3:prefix': 'home/*' } },
    context: { 's3:prefix': 'home/' },
    allow: true,
  },
  {
    doc: 'OPS: StringNotLike "Negated case-sensitive matching"',
    conditions: { StringNotLike: { 's3:prefix': ['home/*', 'tmp/*'] } },
    context: { 's3:prefix': 'tmp/x' },
    allow: false,
  },
  // --- Numbers. ---
  {
    doc: 'OPS: NumericEquals "Matching"',
    conditions: { NumericEquals: { 's3:max-keys': 10 } },
    context: { 's3:max-keys': '10' },
    allow: true,
  },
  {
    doc: 'OPS: NumericNotEquals "Negated matching"',
    conditions: { NumericNotEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '10' },
    allow: false,
  },
  {
    doc: 'OPS: NumericLessThan "Less than" matching',
    conditions: { NumericLessThan: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '9' },
    allow: true,
  },
  {
    doc: 'OPS: NumericLessThan is strict',
    conditions: { NumericLessThan: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '10' },
    allow: false,
  },
  {
    doc: 'OPS: NumericLessThanEquals "Less than or equals"',
    conditions: { NumericLessThanEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '10' },
    allow: true,
  },
  {
    doc: 'OPS: NumericGreaterThan "Greater than"',
    conditions: { NumericGreaterThan: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '10.5' },
    allow: true,
  },
  {
    doc: 'OPS: NumericGreaterThanEquals "Greater than or equals"',
    conditions: { NumericGreaterThanEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': '9' },
    allow: false,
  },
  {
    doc: 'OPS: a request value that is no number matches no numeric value',
    conditions: { NumericNotEquals: { 's3:max-keys': '10' } },
    context: { 's3:max-keys': 'ten' },
    allow: false,
  },
  // --- Dates. ---
  {
    doc: 'OPS: DateLessThan "Matching before a specific date and time" (ISO 8601)',
    conditions: { DateLessThan: { 'aws:CurrentTime': '2026-12-01T00:00:00Z' } },
    context: { 'aws:CurrentTime': '2026-11-23T12:00:00Z' },
    allow: true,
  },
  {
    doc: 'OPS: DateGreaterThan "Matching after a specific date and time"',
    conditions: { DateGreaterThan: { 'aws:CurrentTime': '2026-12-01T00:00:00Z' } },
    context: { 'aws:CurrentTime': '2026-11-23T12:00:00Z' },
    allow: false,
  },
  {
    doc: 'OPS: DateEquals "Matching a specific date"; epoch (UNIX) time is seconds',
    conditions: { DateEquals: { 'aws:EpochTime': '1795392000' } },
    context: { 'aws:EpochTime': '2026-11-23T00:00:00Z' },
    allow: true,
  },
  {
    doc: 'OPS: DateNotEquals "Negated matching"',
    conditions: { DateNotEquals: { 'aws:CurrentTime': '2026-11-23' } },
    context: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' },
    allow: false,
  },
  {
    doc: 'OPS: DateLessThanEquals "Matching at or before"',
    conditions: { DateLessThanEquals: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' } },
    context: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' },
    allow: true,
  },
  {
    doc: 'OPS: DateGreaterThanEquals "Matching at or after"',
    conditions: { DateGreaterThanEquals: { 'aws:CurrentTime': '2026-11-23T00:00:01Z' } },
    context: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' },
    allow: false,
  },
  {
    doc: 'OPS: a date with an offset is the same instant in UTC',
    conditions: { DateEquals: { 'aws:CurrentTime': '2026-11-23T01:00:00+01:00' } },
    context: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' },
    allow: true,
  },
  // --- Bool. ---
  {
    doc: 'OPS: Bool "Boolean matching"',
    conditions: { Bool: { 'aws:SecureTransport': 'true' } },
    context: { 'aws:SecureTransport': 'true' },
    allow: true,
  },
  {
    doc: 'OPS: Bool reads true/false in any case',
    conditions: { Bool: { 'aws:SecureTransport': 'TRUE' } },
    context: { 'aws:SecureTransport': 'true' },
    allow: true,
  },
  {
    doc: 'OPS: Bool false against true',
    conditions: { Bool: { 'aws:SecureTransport': false } },
    context: { 'aws:SecureTransport': 'true' },
    allow: false,
  },
  {
    doc: 'OPS: BoolIfExists on an absent key is true',
    conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    context: {},
    allow: true,
  },
  // --- IP addresses. ---
  {
    doc: 'OPS: IpAddress "The specified IP address or range" (IPv4 CIDR)',
    conditions: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '203.0.113.9' },
    allow: true,
  },
  {
    doc: 'OPS: IpAddress outside the range',
    conditions: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    context: { 'aws:SourceIp': '203.0.114.9' },
    allow: false,
  },
  {
    doc: 'OPS: an address alone is a /32',
    conditions: { IpAddress: { 'aws:SourceIp': '203.0.113.9' } },
    context: { 'aws:SourceIp': '203.0.113.9' },
    allow: true,
  },
  {
    doc: 'OPS: IpAddress "…IPv6 addresses" (CIDR, compressed forms)',
    conditions: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    context: { 'aws:SourceIp': '2001:0db8:0:0:0:0:0:1' },
    allow: true,
  },
  {
    doc: 'OPS: IPv6 outside the range',
    conditions: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    context: { 'aws:SourceIp': '2001:db9::1' },
    allow: false,
  },
  {
    doc: 'OPS: an IPv6 address is in no IPv4 block',
    conditions: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
    context: { 'aws:SourceIp': '2001:db8::1' },
    allow: false,
  },
  {
    doc: 'OPS: NotIpAddress "All IP addresses except the specified IP address or range"',
    conditions: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
    context: { 'aws:SourceIp': '192.0.2.1' },
    allow: true,
  },
  {
    doc: 'OPS: NotIpAddress inside one listed range',
    conditions: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
    context: { 'aws:SourceIp': '2001:db8::7' },
    allow: false,
  },
  {
    doc: 'OPS: an IPv4 tail in IPv6 notation',
    conditions: { IpAddress: { 'aws:SourceIp': '::ffff:10.0.0.0/120' } },
    context: { 'aws:SourceIp': '::ffff:10.0.0.7' },
    allow: true,
  },
  // --- ARNs. ---
  {
    doc: 'OPS: ArnLike "Each of the six colon-delimited components of the ARN is checked separately"',
    conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:topic-*' } },
    context: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:topic-a' },
    allow: true,
  },
  {
    doc: 'OPS: ArnLike: a `*` stays inside its component',
    conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:topic' } },
    context: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:999999999999:topic' },
    allow: false,
  },
  {
    doc: 'OPS: ArnEquals "Case-sensitive matching of the ARN" with the same wildcards',
    conditions: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sqs:eu-west-?:123456789012:q' } },
    context: { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:123456789012:q' },
    allow: true,
  },
  {
    doc: 'OPS: ArnEquals is case-sensitive',
    conditions: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:123456789012:Q' } },
    context: { 'aws:SourceArn': 'arn:aws:sqs:eu-west-1:123456789012:q' },
    allow: false,
  },
  {
    doc: 'OPS: the resource component keeps its own colons',
    conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:*:*:function:f:*' } },
    context: { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:123456789012:function:f:live' },
    allow: true,
  },
  {
    doc: 'OPS: ArnNotEquals "Negated matching for ARN"',
    conditions: { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::b' } },
    context: { 'aws:SourceArn': 'arn:aws:s3:::b' },
    allow: false,
  },
  {
    doc: 'OPS: ArnNotLike "Negated case-sensitive matching of the ARN"',
    conditions: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::b*' } },
    context: { 'aws:SourceArn': 'arn:aws:s3:::other' },
    allow: true,
  },
  {
    doc: 'OPS: a value that is no ARN matches no ARN, negated or not',
    conditions: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } },
    context: { 'aws:SourceArn': 'not-an-arn' },
    allow: false,
  },
  // --- Multivalued keys and set operators. ---
  {
    doc: 'KEYS: "Multivalued context keys require a condition set operator"',
    conditions: { StringEquals: { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': ['team'] },
    allow: false,
  },
  {
    doc: 'KEYS: not even a negated operator holds on a list without a set operator',
    conditions: { StringNotEquals: { 'aws:TagKeys': 'owner' } },
    context: { 'aws:TagKeys': ['team'] },
    allow: false,
  },
  {
    doc:
      'SETS: ForAllValues "if every context key value in the request matches at least one context key ' +
      'value in the policy"',
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['env', 'team'] },
    allow: true,
  },
  {
    doc: 'SETS: ForAllValues fails when one request value matches none',
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    context: { 'aws:TagKeys': ['env', 'owner'] },
    allow: false,
  },
  {
    doc: 'SETS: ForAllValues "also returns true if there are no context keys in the request"',
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } },
    context: {},
    allow: true,
  },
  {
    doc: 'SETS: ForAllValues "…or if the context key value resolves to a null data set"',
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': [] },
    allow: true,
  },
  {
    doc:
      'SETS: ForAnyValue "if any one of the context key values in the request matches any one of the ' +
      'context key values in the policy"',
    conditions: { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'te*' } },
    context: { 'aws:TagKeys': ['env', 'team'] },
    allow: true,
  },
  {
    doc: 'SETS: ForAnyValue "returns false" when no request value matches',
    conditions: { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'te*' } },
    context: { 'aws:TagKeys': ['env'] },
    allow: false,
  },
  {
    doc: 'SETS: ForAnyValue "If the key is not present in the request context, the condition returns false"',
    conditions: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } },
    context: {},
    allow: false,
  },
  {
    doc: 'SETS: ForAnyValue on an empty set: no value matches',
    conditions: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': [] },
    allow: false,
  },
  {
    doc: 'OPS: IfExists on an absent key is true, under ForAnyValue too',
    conditions: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } },
    context: {},
    allow: true,
  },
  {
    doc: 'SETS: ForAllValues with a negated operator: every request value matches none of the policy values',
    conditions: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['owner', 'cost'] } },
    context: { 'aws:TagKeys': ['team', 'env'] },
    allow: true,
  },
  {
    doc: 'SETS: ForAllValues with a negated operator fails on one listed value',
    conditions: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['owner', 'cost'] } },
    context: { 'aws:TagKeys': ['team', 'cost'] },
    allow: false,
  },
  {
    doc: 'SETS: ForAnyValue with a negated operator: some request value matches none of the policy values',
    conditions: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': ['team', 'env'] },
    allow: true,
  },
  {
    doc: 'KEYS: a set operator on a single-valued key reads it as a one-value set',
    conditions: { 'ForAnyValue:StringEquals': { 'aws:SourceVpc': 'vpc-1' } },
    context: { 'aws:SourceVpc': 'vpc-1' },
    allow: true,
  },
  // --- Policy variables. ---
  {
    doc: 'VARS: "the policy variable is replaced with a value that comes from the context key in the request"',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
    context: { 'aws:ResourceTag/owner': 'ana', 'aws:username': 'ana' },
    allow: true,
  },
  {
    doc: 'VARS: substituted values compare as usual',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
    context: { 'aws:ResourceTag/owner': 'ana', 'aws:username': 'bo' },
    allow: false,
  },
  {
    doc: 'VARS: variable names are case-insensitive',
    conditions: { StringLike: { 's3:prefix': 'home/${AWS:UserName}/*' } },
    context: { 's3:prefix': 'home/ana/x', 'aws:username': 'ana' },
    allow: true,
  },
  {
    doc: 'VARS: a substituted `*` is text, not a wildcard',
    conditions: { StringLike: { 's3:prefix': '${aws:username}' } },
    context: { 's3:prefix': 'ana', 'aws:username': '*' },
    allow: false,
  },
  {
    doc: 'VARS: "If AWS cannot resolve a variable this might cause the entire statement to be invalid"',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
    context: { 'aws:ResourceTag/owner': '${aws:username}' },
    allow: false,
  },
  {
    doc: 'VARS: an unresolved variable also fails a negated operator',
    conditions: { StringNotEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
    context: { 'aws:ResourceTag/owner': 'ana' },
    allow: false,
  },
  {
    doc: 'VARS: "You can use any single-valued context key as a policy variable" (not a multivalued one)',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': '${aws:TagKeys}' } },
    context: { 'aws:ResourceTag/owner': 'team', 'aws:TagKeys': ['team'] },
    allow: false,
  },
  {
    doc: 'VARS: "Specifying default values": ${key, \'default\'} when the key is absent',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': "${aws:username, 'nobody'}" } },
    context: { 'aws:ResourceTag/owner': 'nobody' },
    allow: true,
  },
  {
    doc: 'VARS: "Special characters": ${*} is a literal `*` in StringLike',
    conditions: { StringLike: { 's3:prefix': 'a${*}' } },
    context: { 's3:prefix': 'a*' },
    allow: true,
  },
  {
    doc: 'VARS: ${*} matches only itself',
    conditions: { StringLike: { 's3:prefix': 'a${*}' } },
    context: { 's3:prefix': 'abc' },
    allow: false,
  },
  {
    doc: 'VARS: variables in ARN values, component by component',
    conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:iam::${aws:PrincipalAccount}:role/*' } },
    context: { 'aws:SourceArn': 'arn:aws:iam::123456789012:role/app', 'aws:PrincipalAccount': '123456789012' },
    allow: true,
  },
  {
    doc: 'OPS: Numeric values are literals (no variables)',
    conditions: { NumericEquals: { 's3:max-keys': '${aws:username}' } },
    context: { 's3:max-keys': '5', 'aws:username': '5' },
    allow: false,
  },
  {
    doc: 'KEYS: IfExists does not lift the set-operator requirement on a present multivalued key',
    conditions: { StringEqualsIfExists: { 'aws:TagKeys': 'team' } },
    context: { 'aws:TagKeys': ['team'] },
    allow: false,
  },
  {
    doc: 'OPS: Null tests presence; an empty list is a key present with no values',
    conditions: { Null: { 'aws:TagKeys': 'false' } },
    context: { 'aws:TagKeys': [] },
    allow: true,
  },
  {
    doc: 'VARS: "Specifying default values": the key\'s own value wins when present',
    conditions: { StringEquals: { 'aws:ResourceTag/owner': "${aws:username, 'nobody'}" } },
    context: { 'aws:ResourceTag/owner': 'nobody', 'aws:username': 'ana' },
    allow: false,
  },
  {
    doc: 'VARS: "Special characters": ${$} is a literal `$`',
    conditions: { StringEquals: { 's3:prefix': 'cost${$}' } },
    context: { 's3:prefix': 'cost$' },
    allow: true,
  },
  {
    doc: 'OPS: dates with fractional seconds and a +hhmm offset',
    conditions: { DateEquals: { 'aws:CurrentTime': '2026-11-23T01:00:00.000+0100' } },
    context: { 'aws:CurrentTime': '2026-11-23T00:00:00Z' },
    allow: true,
  },
];

describe('conditionsAllow', () => {
  it.each(rows)('$doc', ({ conditions, context, allow }) => {
    expect(conditionsAllow(conditions, context)).toBe(allow);
  });
});

describe('awsRequestAllowed', () => {
  const grants = [
    { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/*', conditions: VPC },
    { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports' },
  ];
  const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a.csv' };
  it('needs a grant that covers the request and whose conditions hold', () => {
    expect(awsRequestAllowed(grants, get, '123456789012', { 'aws:SourceVpc': 'vpc-1' })).toBe(true);
    expect(awsRequestAllowed(grants, get, '123456789012', { 'aws:SourceVpc': 'vpc-2' })).toBe(false);
    expect(
      awsRequestAllowed(grants, { ...get, resource: 'arn:aws:s3:::other/a' }, '1', { 'aws:SourceVpc': 'vpc-1' }),
    ).toBe(false);
  });
  it('a grant without conditions holds in any context', () => {
    const list = { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports' };
    expect(awsRequestAllowed(grants, list, '123456789012', {})).toBe(true);
  });
});
