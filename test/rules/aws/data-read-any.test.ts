import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/aws/data-read-any.js';
import { IDENTITY, ruleTable } from '../harness.js';
import { at, conditioned, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/data-read-any', {
  good: [
    { name: 's3:GetObject on one bucket prefix', files: { [at]: IDENTITY } },
    { name: 'Describe-only on "*"', files: { [at]: perms(['ec2:Describe*', '"*"']) } },
    { name: 'List on "*"', files: { [at]: perms(['s3:ListAllMyBuckets, s3:ListBucket', '"*"']) } },
    {
      name: 'one named secret',
      files: {
        [at]: perms(['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-*']),
      },
    },
    {
      name: 'an action AWS grants only on "*" (the bundled ci-deployer)',
      files: { [at]: perms(['ecr:GetAuthorizationToken', '"*"']) },
    },
    {
      name: 'every secret is aws/privilege-escalation, not reported twice',
      files: { [at]: perms(['secretsmanager:GetSecretValue, ssm:GetParameters', '"*"']) },
    },
    {
      name: 'a write-level snapshot copy on "*" is aws/resource-wildcard-write',
      files: { [at]: perms(['rds:CreateDBSnapshot, rds:CopyDBSnapshot', '"*"']) },
    },
    { name: 'action "*" is left to aws/no-wildcard-action', files: { [at]: perms(['"*"', '"*"']) } },
    {
      name: 'an elevation still to come is not in force yet',
      files: { [at]: elevation(IDENTITY, 's3:GetObject', '"*"', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:GetObject', '"*"'])) } },
  ],
  bad: [
    {
      name: 'pinned to a prefix by s3:prefix: the lesser form, naming the key',
      files: { [at]: conditioned('s3:GetObject', '"*"', '{ StringLike: { "s3:prefix": [incoming/*] } }') },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'readActionPinned',
          message: /^resource "\*" grants s3:GetObject on every bucket the condition on s3:prefix admits; check/,
        },
      ],
    },
    {
      name: 'a negated condition pins nothing',
      files: { [at]: conditioned('s3:GetObject', '"*"', '{ StringNotEquals: { "aws:SourceVpc": vpc-0a1b2c3d } }') },
      expect: [{ line: 24, column: 23, messageId: 'readAction', message: /every bucket in the account$/ }],
    },
    {
      name: 's3:GetObject on "*"',
      files: { [at]: perms(['s3:GetObject', '"*"']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'readAction',
          message: /^resource "\*" grants s3:GetObject, which reads the data of every bucket in the account$/,
        },
      ],
    },
    {
      name: 'case-insensitive',
      files: { [at]: perms(['S3:getobject', '"*"']) },
      expect: [{ line: 24, column: 23, messageId: 'readAction', message: /grants s3:GetObject,/ }],
    },
    {
      name: 'a wildcard reaching object reads',
      files: { [at]: perms(['s3:GetObject*', '"*"']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'readActions',
          message: new RegExp(
            String.raw`^resource "\*" grants 2 data-read actions \(s3:GetObject, s3:GetObjectVersion\) on every ` +
              String.raw`resource of the account$`,
          ),
        },
      ],
    },
    {
      name: 'points at the "*" among other resources',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop/*, "*"']) },
      expect: [{ line: 24, column: 49, messageId: 'readAction' }],
    },
    {
      name: 'one finding per permission',
      files: { [at]: perms(['s3:GetObject', '"*"'], ['s3:GetObjectVersion', '"*"']) },
      expect: [
        { line: 24, column: 23, messageId: 'readAction', message: /s3:GetObject,/ },
        { line: 26, column: 23, messageId: 'readAction', message: /s3:GetObjectVersion/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 's3:GetObject', '"*"') },
      expect: [{ line: 34, column: 27, messageId: 'readAction' }],
    },
  ],
});

describe('severity', () => {
  it('a pinned read is a warning, an unpinned one an error', () => {
    expect(rule.severities).toEqual({ readActionPinned: 'warning', readActionsPinned: 'warning' });
    expect(rule.meta.severity).toBe('error');
  });
});
