// IAM request matching: an Allow grant (action pattern, Resource pattern) against one concrete
// request, as IAM evaluates identity policies — not string equality.
import { describe, expect, it } from 'vitest';
import { awsGrantCovers, resourceCovers } from '../../src/access/aws-request.js';

const ACCOUNT = '123456789012';
const OTHER = '999999999999';

describe('awsGrantCovers', () => {
  it.each([
    // The example: s3:Get* on b/* answers GetObject on b/k, not PutObject.
    ['s3:Get*', 'arn:aws:s3:::b/*', 's3:GetObject', 'arn:aws:s3:::b/k', true],
    ['s3:Get*', 'arn:aws:s3:::b/*', 's3:PutObject', 'arn:aws:s3:::b/k', false],
    // Action names are case-insensitive, on both sides and in the service prefix.
    ['S3:getobject', 'arn:aws:s3:::b/*', 's3:GetObject', 'arn:aws:s3:::b/k', true],
    ['s3:GetObject', 'arn:aws:s3:::b/*', 'S3:GETOBJECT', 'arn:aws:s3:::b/k', true],
    ['s3:get*', 'arn:aws:s3:::b/*', 's3:GetObjectAcl', 'arn:aws:s3:::b/k', true],
    // ? is exactly one character.
    ['iam:Pass?ole', '*', 'iam:PassRole', 'arn:aws:iam::123456789012:role/x', true],
    ['iam:Pass?ole', '*', 'iam:PassRrole', 'arn:aws:iam::123456789012:role/x', false],
    ['s3:*Object', 'arn:aws:s3:::b/*', 's3:DeleteObject', 'arn:aws:s3:::b/k', true],
    ['s3:*Object', 'arn:aws:s3:::b/*', 's3:DeleteObjects', 'arn:aws:s3:::b/k', false],
    ['*', '*', 'kms:Decrypt', 'arn:aws:kms:eu-west-1:123456789012:key/1', true],
    // Another service's action never matches, whatever the resource.
    ['s3:GetObject', '*', 's3:GetObjectAcl', 'arn:aws:s3:::b/k', false],
    ['s3:GetObject', '*', 'ec2:GetObject', 'arn:aws:s3:::b/k', false],
  ])('%s on %s, asked %s on %s → %s', (action, resource, qAction, qResource, expected) => {
    expect(awsGrantCovers({ action, resource }, { action: qAction, resource: qResource }, ACCOUNT)).toBe(expected);
  });

  it.each([
    // The account field: the principal's own account, or a resource whose ARN names no account.
    ['arn:aws:dynamodb:eu-west-1:*:table/t', 'arn:aws:dynamodb:eu-west-1:123456789012:table/t', true],
    ['arn:aws:dynamodb:eu-west-1:*:table/t', `arn:aws:dynamodb:eu-west-1:${OTHER}:table/t`, false],
    ['*', `arn:aws:sqs:eu-west-1:${OTHER}:q`, false],
    ['arn:aws:sqs:*:*:q', `arn:aws:sqs:eu-west-1:${OTHER}:q`, false],
    ['arn:aws:sqs:*:12345678901?:q', 'arn:aws:sqs:eu-west-1:123456789012:q', true],
    // Naming the other account outright is the cross-account intent, taken at its word.
    [`arn:aws:sqs:eu-west-1:${OTHER}:q`, `arn:aws:sqs:eu-west-1:${OTHER}:q`, true],
    [`arn:aws:sqs:eu-west-1:${OTHER}:q`, 'arn:aws:sqs:eu-west-1:123456789012:q', false],
    // No account in the ARN (S3) or the aws account (managed policies): the identity policy decides.
    ['*', 'arn:aws:s3:::someone-elses-bucket/k', true],
    ['arn:aws:iam::aws:policy/*', 'arn:aws:iam::aws:policy/ReadOnlyAccess', true],
  ])('account rules: %s covers %s → %s', (resource, request, expected) => {
    expect(awsGrantCovers({ action: '*', resource }, { action: 's3:GetObject', resource: request }, ACCOUNT)).toBe(
      expected,
    );
  });
});

describe('resourceCovers', () => {
  it.each([
    ['*', 'arn:aws:s3:::b/k', true],
    ['*', '*', true],
    ['arn:aws:s3:::b/*', '*', false],
    // The resource part is case-sensitive; * spans / and :, ? is one character.
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/K', true],
    ['arn:aws:s3:::b/k', 'arn:aws:s3:::b/K', false],
    ['arn:aws:s3:::B/*', 'arn:aws:s3:::b/k', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/a/b/c:d', true],
    ['arn:aws:s3:::b/*/x', 'arn:aws:s3:::b/1/2/x', true],
    ['arn:aws:s3:::b/*/x', 'arn:aws:s3:::b/x', false],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/k', true],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/kk', false],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/', false],
    ['arn:aws:s3:::b*', 'arn:aws:s3:::b/k', true],
    ['arn:aws:s3:::b', 'arn:aws:s3:::b/k', false],
    [
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/*',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x:log-stream:y',
      true,
    ],
    // Region and account: wildcards stay inside their field.
    ['arn:aws:sqs:*:123456789012:q', 'arn:aws:sqs:eu-west-1:123456789012:q', true],
    ['arn:aws:sqs:eu-*:123456789012:q', 'arn:aws:sqs:us-east-1:123456789012:q', false],
    ['arn:aws:sqs:eu-west-?:123456789012:q', 'arn:aws:sqs:eu-west-1:123456789012:q', true],
    ['arn:aws:sqs:eu-west-?:123456789012:q', 'arn:aws:sqs:eu-west-10:123456789012:q', false],
    ['arn:aws:sqs:*:1234*:q', 'arn:aws:sqs:eu-west-1:123456789012:q', true],
    ['arn:aws:sqs:*:*:q', 'arn:aws:sqs:eu-west-1:123456789012:q2', false],
    // An empty field matches only empty (or *, which matches the empty string); ? needs one character.
    ['arn:aws:s3:::b', 'arn:aws:s3:::b', true],
    ['arn:aws:s3:eu-west-1:123456789012:b', 'arn:aws:s3:::b', false],
    ['arn:aws:s3:*:*:b', 'arn:aws:s3:::b', true],
    ['arn:aws:s3:?::b', 'arn:aws:s3:::b', false],
    ['arn:aws:s3:::b', 'arn:aws:s3:eu-west-1::b', false],
    // Partition and service are fields like the others (and case-sensitive).
    ['arn:aws:s3:::b', 'arn:aws-cn:s3:::b', false],
    ['arn:*:s3:::b', 'arn:aws-cn:s3:::b', true],
    ['arn:aws:s*:::b', 'arn:aws:s3:::b', true],
    ['arn:aws:S3:::b', 'arn:aws:s3:::b', false],
    // A trailing * in the last field written expands past colons (AWS IAM docs); without it, too few fields match
    // nothing.
    ['arn:aws:s3:*', 'arn:aws:s3:::b/k', true],
    ['arn:aws:s3*', 'arn:aws:s3:::b/k', true],
    ['arn:aws:sqs:eu-*', 'arn:aws:sqs:eu-west-1:123456789012:q', true],
    ['arn:aws:sqs:eu-*', 'arn:aws:sqs:us-east-1:123456789012:q', false],
    ['arn:aws:s3', 'arn:aws:s3:::b', false],
    ['arn:aws:s3:::b', 'arn:aws:s3', false],
    ['not-an-arn', 'arn:aws:s3:::b', false],
  ])('%s covers %s → %s', (pattern, request, expected) => expect(resourceCovers(pattern, request)).toBe(expected));
});
