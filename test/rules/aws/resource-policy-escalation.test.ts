import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

const BUCKET = 'arn:aws:s3:::bank-drop';
const BOTH = `${BUCKET}, ${BUCKET}/*`;

ruleTable('aws/resource-policy-escalation', {
  good: [
    { name: 's3:GetObject on one bucket prefix', files: { [at]: IDENTITY } },
    {
      name: 'the bucket policy hands out nothing the identity lacks',
      files: { [at]: perms(['s3:PutBucketPolicy, s3:GetObject, s3:PutObject, s3:DeleteObject', BOTH]) },
    },
    {
      name: 'object actions granted in another permission, on a wider pattern',
      files: {
        [at]: perms(
          ['s3:PutBucketAcl', BUCKET],
          ['s3:GetObject, s3:PutObject, s3:DeleteObject', 'arn:aws:s3:::bank-*'],
        ),
      },
    },
    {
      name: 'every action on the objects (action "*" is aws/no-wildcard-action)',
      files: { [at]: perms(['s3:PutBucketPolicy', BUCKET], ['"*"', `${BUCKET}/*`]) },
    },
    { name: 'reading the bucket policy', files: { [at]: perms(['s3:GetBucketPolicy, s3:GetBucketAcl', BUCKET]) } },
    {
      name: 'an expiration rule with s3:DeleteObject granted',
      files: { [at]: perms(['s3:PutLifecycleConfiguration, s3:DeleteObject', BOTH]) },
    },
    {
      name: 'on "*" the write is aws/resource-wildcard-write, not reported twice',
      files: { [at]: perms(['s3:GetObject, s3:PutBucketPolicy', '"*"']) },
    },
    {
      name: 'an elevation still to come is not in force yet',
      files: {
        [at]: elevation(IDENTITY, 's3:PutBucketPolicy', BUCKET, '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z'),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:PutBucketPolicy', BUCKET])) } },
  ],
  bad: [
    {
      name: 'read and PutBucketPolicy on the same bucket (Parliament test_resource_policy_privilege_escalation)',
      files: { [at]: perms(['s3:GetObject, s3:PutBucketPolicy', BOTH]) },
      expect: [
        {
          line: 23,
          column: 35,
          messageId: 'grantsItself',
          message: new RegExp(
            String.raw`^s3:PutBucketPolicy on "arn:aws:s3:::bank-drop" can give this identity \(or anyone\) ` +
              String.raw`s3:DeleteObject, s3:PutObject on the objects of the bucket, ` +
              String.raw`which its permissions do not grant$`,
          ),
        },
      ],
    },
    {
      name: 'object reads on one prefix do not cover the bucket',
      files: {
        [at]: perms(['s3:PutBucketPolicy', BUCKET], ['s3:GetObject, s3:PutObject, s3:DeleteObject', `${BUCKET}/in/*`]),
      },
      expect: [
        { line: 23, column: 21, messageId: 'grantsItself', message: /s3:DeleteObject, s3:GetObject, s3:PutObject/ },
      ],
    },
    {
      name: 'action "*" on the bucket alone reaches no object',
      files: { [at]: perms(['s3:PutBucketAcl', BUCKET], ['"*"', BUCKET]) },
      expect: [
        { line: 23, column: 21, messageId: 'grantsItself', message: /s3:DeleteObject, s3:GetObject, s3:PutObject/ },
      ],
    },
    {
      name: 'a wildcard reaching the bucket-level writes',
      files: { [at]: perms(['s3:Put*', BUCKET]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'grantsItself',
          message: new RegExp(
            String.raw`^s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutLifecycleConfiguration \(through "s3:Put\*"\) on ` +
              String.raw`"arn:aws:s3:::bank-drop" can give`,
          ),
        },
      ],
    },
    {
      name: 'an expiration rule without s3:DeleteObject',
      files: { [at]: perms(['s3:GetObject, s3:PutLifecycleConfiguration', BOTH]) },
      expect: [
        {
          line: 23,
          column: 35,
          messageId: 'expiresObjects',
          message: new RegExp(
            String.raw`^s3:PutLifecycleConfiguration on "arn:aws:s3:::bank-drop" can delete every object of the ` +
              String.raw`bucket through an expiration rule, though its permissions do not grant s3:DeleteObject$`,
          ),
        },
      ],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 's3:PutBucketAcl', BUCKET) },
      expect: [{ line: 33, column: 25, messageId: 'grantsItself', message: /^s3:PutBucketAcl on/ }],
    },
  ],
});
