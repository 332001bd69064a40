import { describe, expect, it } from 'vitest';
import { arnMatchesTemplate, coversEveryRole, globCovers, parseArn, resourceCanName } from '../../src/access/arn.js';
import { messageOf } from '../../src/common/result.js';

const matches = (arn: string, template: string): boolean => {
  const p = parseArn(arn);
  if (!p.ok) throw new Error(messageOf(p));
  return arnMatchesTemplate(p.arn, template);
};

const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const TABLE = 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}';
const ROLE = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';

describe('parseArn', () => {
  it.each([
    'arn:aws:s3:::bank-drop',
    'arn:aws:s3:::bank-drop/settlements/*',
    'arn:aws-cn:s3:::b',
    'arn:aws-us-gov:iam::123456789012:role/x',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::*:role/*',
    'arn:aws:dynamodb:eu-central-1:210987654321:table/order-status',
    'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x:*',
    'arn:aws:ecr:*:123456789012:repository/shop',
  ])('accepts %s', (arn) => expect(parseArn(arn).ok).toBe(true));

  it.each([
    ['arn:aws:s3:bank-drop', /six colon-separated fields/],
    ['urn:aws:s3:::b', /six colon-separated fields/],
    ['arn:amazon:s3:::b', /partition/],
    ['arn:aws:S3:::b', /service/],
    ['arn:aws:ec2:EU-WEST-1:123456789012:instance/i-1', /region/],
    ['arn:aws:iam::12345678901:role/x', /12 digits/],
    ['arn:aws:iam::1234567890123:role/x', /12 digits/],
    ['arn:aws:iam::acme:role/x', /12 digits/],
    ['arn:aws:s3:::', /resource part/],
  ])('rejects %s', (arn, reason) => {
    const p = parseArn(arn);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(messageOf(p)).toMatch(reason);
  });
});

describe('arnMatchesTemplate', () => {
  it('tells objects from buckets', () => {
    expect(matches('arn:aws:s3:::bank-drop/settlements/*', OBJECT)).toBe(true);
    expect(matches('arn:aws:s3:::bank-drop', OBJECT)).toBe(false);
    expect(matches('arn:aws:s3:::bank-drop', BUCKET)).toBe(true);
    // Bucket names hold no slash: objects are not buckets (s3:ListBucket on bucket/* grants nothing).
    expect(matches('arn:aws:s3:::bank-drop/*', BUCKET)).toBe(false);
    expect(matches('arn:aws:s3:::*/*', BUCKET)).toBe(false);
    expect(matches('arn:aws:s3:::bank-*', BUCKET)).toBe(true);
    expect(matches('arn:aws:s3:::*', BUCKET)).toBe(true);
    expect(matches('arn:aws:s3:::bank?drop', BUCKET)).toBe(true);
    // A template variable is one or more characters: an empty bucket or key names nothing.
    expect(matches('arn:aws:s3:::/key', OBJECT)).toBe(false);
    expect(matches('arn:aws:s3:::bucket/', OBJECT)).toBe(false);
  });

  it('lets a declared wildcard span what a template spells out', () => {
    expect(matches('arn:aws:s3:::*', OBJECT)).toBe(true);
    expect(matches('arn:aws:s3:::bank-*', OBJECT)).toBe(true);
    expect(matches('arn:aws:s3:::bank-drop?', OBJECT)).toBe(false);
    expect(matches('arn:aws:dynamodb:*:*:table/*', TABLE)).toBe(true);
    expect(matches('arn:aws:dynamodb:eu-west-1:123456789012:*', TABLE)).toBe(true);
  });

  it('checks service, region and account fields', () => {
    expect(matches('arn:aws:dynamodb:eu-west-1:123456789012:table/orders', TABLE)).toBe(true);
    expect(matches('arn:aws:dynamodb:eu-west-1:123456789012:table/orders', OBJECT)).toBe(false);
    expect(matches('arn:aws:dynamodb::123456789012:table/orders', TABLE)).toBe(false);
    expect(matches('arn:aws:dynamodb:eu-west-1::table/orders', TABLE)).toBe(false);
    expect(matches('arn:aws:dynamodb:eu-west-1:123456789012:Table/orders', TABLE)).toBe(false);
    expect(matches('arn:aws:iam::123456789012:role/idac/*', ROLE)).toBe(true);
    expect(matches('arn:aws:iam::123456789012:user/idac/*', ROLE)).toBe(false);
  });
});

describe('resourceCanName', () => {
  const QUEUE = 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}';
  it.each([
    ['*', BUCKET, true],
    ['arn:aws:s3:::reports/*', OBJECT, true],
    ['arn:aws:s3:::reports/*', BUCKET, false],
    ['arn:aws:s3:::*', BUCKET, true],
    ['arn:aws:s3:::*', OBJECT, true],
    ['arn:aws:s3:::report?', BUCKET, true],
    ['arn:aws:s3:::report?', OBJECT, false],
    // A field that is one variable names one thing: no `/` and no `:` in a queue name.
    ['arn:aws:sqs:eu-west-1:123456789012:jobs', QUEUE, true],
    ['arn:aws:sqs:eu-west-1:123456789012:jobs/x', QUEUE, false],
    ['arn:aws:sqs:eu-west-1:123456789012:jobs:x', QUEUE, false],
    ['arn:aws:sqs:*:*:*', QUEUE, true],
    // A variable among literals spans separators: role paths.
    ['arn:aws:iam::123456789012:role/ci/deployer', ROLE, true],
    // A short ARN: its trailing `*` swallows the fields left out; without one it names nothing.
    ['arn:aws:s3:*', OBJECT, true],
    ['arn:aws:dynamodb:eu-*', TABLE, true],
    ['arn:aws:dynamodb:eu-*', BUCKET, false],
    ['arn:aws:s3:bank-drop', BUCKET, false],
    ['bank-drop/*', OBJECT, false],
  ])('%s can name %s: %s', (resource, template, want) => expect(resourceCanName(resource, template)).toBe(want));
});

describe('coversEveryRole', () => {
  it.each([
    ['*', true],
    ['arn:aws:iam::123456789012:role/*', true],
    ['arn:aws:iam::*:*', true],
    ['arn:aws:*:*:*:*', true],
    ['arn:aws:iam::123456789012:role/idac/*', false],
    ['arn:aws:iam::123456789012:role/app', false],
    ['arn:aws:s3:::*', false],
  ])('%s → %s', (resource, every) => expect(coversEveryRole(resource)).toBe(every));

  it('globCovers is case-sensitive like IAM resource matching', () => {
    expect(globCovers('role/*', 'role/x')).toBe(true);
    expect(globCovers('Role/*', 'role/x')).toBe(false);
  });
});
