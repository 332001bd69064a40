import { describe, expect, it } from 'vitest';
import {
  conditionsKey,
  conditionsText,
  keyMatches,
  narrowingKey,
  operatorNames,
  parseOperator,
  valueProblem,
  type AwsConditions,
} from '../../src/access/aws-conditions.js';

describe('conditionsText', () => {
  it.each<[AwsConditions, string]>([
    [{ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, 'aws:SourceVpc = vpc-1'],
    [{ StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } }, 'aws:SourceVpc in [vpc-1, vpc-2]'],
    [{ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }, 'aws:SourceVpc ≠ vpc-1'],
    [{ StringLike: { 's3:prefix': 'home/*' } }, 's3:prefix like home/*'],
    [{ StringNotLike: { 's3:prefix': ['a/*', 'b/*'] } }, 's3:prefix like none of [a/*, b/*]'],
    [{ NumericLessThanEquals: { 's3:max-keys': 10 } }, 's3:max-keys ≤ 10'],
    [{ DateGreaterThanEquals: { 'aws:CurrentTime': '2026-01-01' } }, 'aws:CurrentTime ≥ 2026-01-01'],
    [{ Bool: { 'aws:SecureTransport': true } }, 'aws:SecureTransport = true'],
    [{ Null: { 'aws:SourceVpc': 'true' } }, 'aws:SourceVpc is absent'],
    [{ Null: { 'aws:SourceVpc': false } }, 'aws:SourceVpc exists'],
    [{ IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } }, 'aws:SourceIp within 10.0.0.0/8 (if present)'],
    [{ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, 'some value of aws:TagKeys in [a, b]'],
    [{ 'ForAllValues:StringLike': { 'aws:TagKeys': 'x*' } }, 'every value of aws:TagKeys like x*'],
    [{ Frob: { 'aws:SourceVpc': 'vpc-1' } }, 'aws:SourceVpc Frob vpc-1'],
    [
      {
        StringEquals: { 'aws:SourceVpc': 'vpc-1', 'aws:ResourceAccount': '123456789012' },
        Bool: { 'aws:ViaAWSService': false },
      },
      'aws:SourceVpc = vpc-1 and aws:ResourceAccount = 123456789012 and aws:ViaAWSService = false',
    ],
  ])('%j → %s', (c, text) => expect(conditionsText(c)).toBe(text));

  it('is empty without conditions', () => expect(conditionsText(null)).toBe(''));
});

describe('conditionsKey', () => {
  it('ignores the order of operators, keys and list values, not the values themselves', () => {
    const a = conditionsKey({
      StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'], 'aws:SourceVpce': 'e' },
      Bool: { k: true },
    });
    const b = conditionsKey({
      Bool: { k: true },
      StringEquals: { 'aws:SourceVpce': 'e', 'aws:SourceVpc': ['vpc-2', 'vpc-1'] },
    });
    expect(a).toBe(b);
    expect(conditionsKey({ Bool: { k: true } })).not.toBe(conditionsKey({ Bool: { k: 'true' } }));
    expect(conditionsKey(null)).toBe('');
  });
});

describe('narrowingKey', () => {
  it.each<[AwsConditions, string | null]>([
    [{ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, 'aws:SourceVpc'],
    [{ StringEqualsIgnoreCase: { 'AWS:SOURCEVPCE': 'vpce-1' } }, 'AWS:SOURCEVPCE'],
    [{ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, 'aws:SourceIp'],
    [{ StringLike: { 'aws:ResourceTag/team': 'pay*' } }, 'aws:ResourceTag/team'],
    [{ ArnEquals: { 'aws:ResourceAccount': '123456789012' } }, 'aws:ResourceAccount'],
    [{ 'ForAnyValue:StringEquals': { 's3:prefix': ['a/'] } }, 's3:prefix'],
    [{ StringEquals: { 's3:ResourceAccount': '123456789012' } }, 's3:ResourceAccount'],
    [{ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }, null],
    [{ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }, null],
    [{ 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpc-1' } }, null],
    [{ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, null],
    [{ IpAddress: { 'aws:SourceIp': '::/0' } }, null],
    [{ StringLike: { 'aws:ResourceTag/team': '*' } }, null],
    [{ StringEquals: { 'aws:ResourceTag/': 'x' } }, null],
    [{ StringEquals: { 'aws:PrincipalTag/team': 'x' } }, null],
    [{ Bool: { 'aws:SecureTransport': true }, StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, 'aws:SourceVpc'],
  ])('%j → %s', (c, key) => expect(narrowingKey(c)).toBe(key));
});

describe('valueProblem', () => {
  const check = (op: string, v: string | number | boolean) => valueProblem(parseOperator(op)!, v);
  it.each<[string, string | number | boolean]>([
    ['Bool', true],
    ['Bool', 'FALSE'],
    ['Null', 'true'],
    ['IpAddress', '10.0.0.1'],
    ['NotIpAddressIfExists', '2001:db8::/32'],
    ['IpAddress', '::1'],
    ['NumericEquals', 3],
    ['NumericEquals', '-1.5'],
    ['DateLessThan', '2026-12-31T23:59:59Z'],
    ['DateLessThan', '2026-12-31T23:59:59.5+01:00'],
    ['DateLessThan', '2024-02-29'],
    ['DateLessThan', 1767225600],
    ['ArnLike', 'arn:aws:s3:::b/*'],
    ['StringEquals', 12],
  ])('%s accepts %j', (op, v) => expect(check(op, v)).toBeNull());
  it.each<[string, string | number | boolean]>([
    ['Bool', 'yes'],
    ['Null', 1],
    ['IpAddress', '10.0.0.256'],
    ['IpAddress', '10.0.0.0/33'],
    ['IpAddress', '1:2:3:4:5:6:7:8:9'],
    ['IpAddress', 'vpc-1'],
    ['NumericLessThan', '1e3'],
    ['DateLessThan', '2025-02-29'],
    ['DateLessThan', '2026-12-31T24:00:00Z'],
    ['DateLessThan', 'tomorrow'],
    ['ArnEquals', 'function'],
  ])('%s rejects %j', (op, v) => expect(check(op, v)).not.toBeNull());
});

describe('operators and keys', () => {
  it('every operator name parses, and NullIfExists is none', () => {
    expect(operatorNames().every((o) => parseOperator(o) !== null)).toBe(true);
    expect(operatorNames()).toHaveLength(3 * (26 + 25));
    expect(parseOperator('NullIfExists')).toBeNull();
  });

  it.each<[string, string, boolean]>([
    ['aws:SourceVpc', 'AWS:sourcevpc', true],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/team', true],
    ['aws:ResourceTag/tag-key', 'aws:resourcetag/team', true],
    ['s3:ExistingObjectTag/<key>', 's3:ExistingObjectTag/class', true],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/', false],
    ['aws:SourceVpc', 'aws:SourceVpce', false],
    ['s3:x-amz-acl', 's3:x-amz.acl', false],
  ])('%s matches %s: %s', (template, key, want) => expect(keyMatches(template, key)).toBe(want));
});
