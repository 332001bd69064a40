import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

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
  ],
});
