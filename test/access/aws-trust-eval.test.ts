import { describe, expect, it } from 'vitest';
import { trustAllows, type AssumeRequest } from './aws-trust-eval.js';

// The evaluator the trust property test relies on, checked on hand-written policies first.
const doc = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (Principal: object | string, Action: string | string[], Condition?: object) => ({
  Effect: 'Allow',
  Principal,
  Action,
  ...(Condition ? { Condition } : {}),
});
const req = (principal: AssumeRequest['principal'], actions: string[], context = {}): AssumeRequest => ({
  principal,
  actions,
  context,
});

describe('trustAllows', () => {
  it.each<[string, string, AssumeRequest, boolean]>([
    [
      'a service principal, exactly',
      doc(allow({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole')),
      req({ Service: 'lambda.amazonaws.com' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'another service',
      doc(allow({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole')),
      req({ Service: 'ec2.amazonaws.com' }, ['sts:AssumeRole']),
      false,
    ],
    [
      'a service in a list',
      doc(allow({ Service: ['a.amazonaws.com', 'b.amazonaws.com'] }, 'sts:AssumeRole')),
      req({ Service: 'b.amazonaws.com' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'the right principal type only',
      doc(allow({ Service: 'x' }, 'sts:AssumeRole')),
      req({ Federated: 'x' }, ['sts:AssumeRole']),
      false,
    ],
    [
      'an action the statement does not list',
      doc(allow({ Service: 's' }, 'sts:AssumeRole')),
      req({ Service: 's' }, ['sts:AssumeRole', 'sts:TagSession']),
      false,
    ],
    [
      'every action listed',
      doc(allow({ Service: 's' }, ['sts:AssumeRole', 'sts:TagSession'])),
      req({ Service: 's' }, ['sts:AssumeRole', 'sts:TagSession']),
      true,
    ],
    [
      'an action pattern, any case',
      doc(allow({ Service: 's' }, 'STS:Assume*')),
      req({ Service: 's' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'account root is any principal of the account',
      doc(allow({ AWS: 'arn:aws:iam::111122223333:root' }, 'sts:AssumeRole')),
      req({ AWS: 'arn:aws:iam::111122223333:role/x' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'a bare account id likewise',
      doc(allow({ AWS: '111122223333' }, 'sts:AssumeRole')),
      req({ AWS: 'arn:aws:iam::111122223333:user/u' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'account root, another account',
      doc(allow({ AWS: 'arn:aws:iam::111122223333:root' }, 'sts:AssumeRole')),
      req({ AWS: 'arn:aws:iam::444455556666:role/x' }, ['sts:AssumeRole']),
      false,
    ],
    [
      'a role ARN is that role only',
      doc(allow({ AWS: 'arn:aws:iam::111122223333:role/a' }, 'sts:AssumeRole')),
      req({ AWS: 'arn:aws:iam::111122223333:role/b' }, ['sts:AssumeRole']),
      false,
    ],
    [
      'AWS * is anyone',
      doc(allow({ AWS: '*' }, 'sts:AssumeRole')),
      req({ AWS: 'arn:aws:iam::444455556666:role/x' }, ['sts:AssumeRole']),
      true,
    ],
    [
      'a condition that holds',
      doc(allow({ Service: 's' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': '1' } })),
      req({ Service: 's' }, ['sts:AssumeRole'], { 'aws:SourceAccount': '1' }),
      true,
    ],
    [
      'a condition key the request lacks',
      doc(allow({ Service: 's' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': '1' } })),
      req({ Service: 's' }, ['sts:AssumeRole']),
      false,
    ],
    [
      'an empty value list matches nothing',
      doc(allow({ Service: 's' }, 'sts:AssumeRole', { StringEquals: { k: [] } })),
      req({ Service: 's' }, ['sts:AssumeRole'], { k: '' }),
      false,
    ],
    [
      'a Deny wins',
      doc(allow({ Service: 's' }, 'sts:AssumeRole'), { Effect: 'Deny', Principal: '*', Action: '*' }),
      req({ Service: 's' }, ['sts:AssumeRole']),
      false,
    ],
    ['no statement, no trust', doc(), req({ Service: 's' }, ['sts:AssumeRole']), false],
  ])('%s', (_why, policy, request, expected) => {
    expect(trustAllows(policy, request)).toBe(expected);
  });
});
