import { describe, expect, it } from 'vitest';
import { IDENTITY, ruleTable, run } from '../harness.js';
import { at, conditioned, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/resource-wildcard-write', {
  good: [
    { name: 'writes scoped to ARNs', files: { [at]: perms(['s3:PutObject', 'arn:aws:s3:::bank-drop/*']) } },
    { name: 'reads on "*"', files: { [at]: perms(['s3:GetObject, s3:ListAllMyBuckets, ec2:Describe*', '"*"']) } },
    {
      name: 'an action AWS grants only on "*" (the bundled ci-deployer)',
      files: { [at]: perms(['ecr:GetAuthorizationToken', '"*"']) },
    },
    {
      name: 'a write action AWS grants only on "*"',
      files: { [at]: perms(['lambda:CreateEventSourceMapping', '"*"']) },
    },
    {
      name: 'an elevation still to come is not in force yet',
      files: { [at]: elevation(IDENTITY, 's3:PutObject', '"*"', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:PutObject', '"*"'])) } },
  ],
  bad: [
    {
      name: 'a write action on "*"',
      files: { [at]: perms(['s3:PutObject', '"*"']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'writeAction',
          message: new RegExp(
            String.raw`^resource "\*" grants 1 write or permissions-management action \(s3:PutObject\) on ` +
              String.raw`every resource of the account$`,
          ),
        },
      ],
    },
    {
      name: 'points at the "*" among other resources',
      files: { [at]: perms(['s3:GetObject, s3:DeleteObject, iam:PutRolePolicy', 'arn:aws:s3:::bank-drop/*, "*"']) },
      expect: [
        {
          line: 24,
          column: 49,
          messageId: 'writeActions',
          message: /2 write or permissions-management actions \(iam:PutRolePolicy, s3:DeleteObject\)/,
        },
      ],
    },
    {
      name: 'every action on "*"',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [{ line: 24, column: 23, messageId: 'everyAction', message: /grants every AWS action/ }],
    },
    {
      name: 'a wildcard reaching writes',
      files: { [at]: perms(['sqs:Send*', '"*"']) },
      expect: [{ line: 24, column: 23, messageId: 'writeAction', message: /sqs:SendMessage/ }],
    },
    {
      name: 'one finding per permission',
      files: { [at]: perms(['s3:PutObject', '"*"'], ['sns:Publish', '"*"']) },
      expect: [
        { line: 24, column: 23, messageId: 'writeAction' },
        { line: 26, column: 23, messageId: 'writeAction', message: /sns:Publish/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'dynamodb:PutItem', '"*"') },
      expect: [{ line: 34, column: 27, messageId: 'writeAction', message: /dynamodb:PutItem/ }],
    },
    {
      name: 'pinned to a VPC: the lesser form, naming the key',
      files: { [at]: conditioned('s3:PutObject', '"*"', '{ StringEquals: { "aws:SourceVpc": vpc-0a1b2c3d } }') },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'writeActionPinned',
          message: new RegExp(
            String.raw`^resource "\*" grants 1 write or permissions-management action \(s3:PutObject\) on every ` +
              String.raw`resource the condition on aws:SourceVpc admits; check that it pins what is meant$`,
          ),
        },
      ],
    },
    {
      name: 'pinned by a resource tag, every action',
      files: { [at]: conditioned('"*"', '"*"', '{ StringLike: { "aws:ResourceTag/team": payments } }') },
      expect: [{ line: 24, column: 23, messageId: 'everyActionPinned', message: /aws:ResourceTag\/team admits/ }],
    },
    {
      name: 'pinned by the resource account or an address range, several actions',
      files: {
        [at]: conditioned(
          's3:PutObject, s3:DeleteObject',
          '"*"',
          '{ IpAddress: { "aws:SourceIp": 10.0.0.0/8 }, StringEquals: { "s3:ResourceAccount": "123456789012" } }',
        ),
      },
      expect: [{ line: 24, column: 23, messageId: 'writeActionsPinned', message: /condition on aws:SourceIp admits/ }],
    },
    ...(
      [
        ['a negative operator pins nothing', '{ StringNotEquals: { "aws:SourceVpc": vpc-1 } }'],
        ['…IfExists lets a request without the key through', '{ StringEqualsIfExists: { "aws:SourceVpc": vpc-1 } }'],
        ['ForAllValues: passes an empty set', '{ "ForAllValues:StringEquals": { "aws:SourceVpc": [vpc-1] } }'],
        ['a key that is not a pinning one', '{ Bool: { "aws:SecureTransport": true } }'],
        ['a pattern of wildcards alone', '{ StringLike: { "aws:SourceVpc": "*" } }'],
        ['every address', '{ IpAddress: { "aws:SourceIp": 0.0.0.0/0 } }'],
      ] as const
    ).map(([name, conditions]) => ({
      name: `not pinned: ${name}`,
      files: { [at]: conditioned('s3:PutObject', '"*"', conditions) },
      expect: [{ line: 24, column: 23, messageId: 'writeAction' }],
    })),
  ],
});

describe('aws/resource-wildcard-write severity', () => {
  const severity = async (conditions: string | null) =>
    (
      await run({
        files: {
          [at]: conditions === null ? perms(['s3:PutObject', '"*"']) : conditioned('s3:PutObject', '"*"', conditions),
        },
      })
    ).find((f) => f.rule === 'aws/resource-wildcard-write')?.severity;

  it('is an error without a pinning condition and a warning with one', async () => {
    expect(await severity(null)).toBe('error');
    expect(await severity('{ StringNotEquals: { "aws:SourceVpc": vpc-1 } }')).toBe('error');
    expect(await severity('{ StringEquals: { "aws:SourceVpce": vpce-1 } }')).toBe('warning');
    expect(await severity('{ StringLike: { "s3:prefix": home/* } }')).toBe('warning');
  });
});
