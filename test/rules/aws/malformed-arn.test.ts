import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/malformed-arn', {
  good: [
    { name: 'an object ARN for s3:GetObject', files: { [at]: IDENTITY } },
    {
      name: 'bucket and objects for list and get (the bundled settlement-reader)',
      files: {
        [at]: perms(['s3:GetObject, s3:ListBucket', 'arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/settlements/*']),
      },
    },
    {
      name: 'a DynamoDB table (the bundled support-assistant)',
      files: {
        [at]: perms([
          'dynamodb:GetItem, dynamodb:Query',
          'arn:aws:dynamodb:eu-central-1:210987654321:table/order-status',
        ]),
      },
    },
    {
      name: 'an ECR repository (the bundled ci-deployer)',
      files: {
        [at]: perms([
          'ecr:BatchCheckLayerAvailability, ecr:PutImage',
          'arn:aws:ecr:eu-west-1:123456789012:repository/shop',
        ]),
      },
    },
    {
      name: "IAM roles and users by path (the project's own identities)",
      files: {
        [at]: perms(
          ['iam:GetRole, iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/idac/*'],
          ['iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/idac/*'],
        ),
      },
    },
    {
      name: 'wildcards where the template has variables',
      files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/*'], ['s3:GetObject', 'arn:aws:s3:::*']) },
    },
    {
      name: 'a log stream ARN with colons in the resource',
      files: {
        [at]: perms(['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/app:log-stream:*']),
      },
    },
    {
      name: 'an action AWS grants only on "*", on "*" (the bundled ci-deployer)',
      files: {
        [at]: perms(
          ['ecr:GetAuthorizationToken', '"*"'],
          ['ecr:PutImage', 'arn:aws:ecr:eu-west-1:123456789012:repository/shop'],
        ),
      },
    },
    {
      name: 'a "*" among the resources grants every action something',
      files: {
        [at]: perms([
          'ecr:GetAuthorizationToken, ecr:PutImage',
          'arn:aws:ecr:eu-west-1:123456789012:repository/shop, "*"',
        ]),
      },
    },
    {
      name: 's3:Get* on a bucket and a prefix: each resource and the pattern grant something (issue 13)',
      files: { [at]: perms(['s3:Get*', 'arn:aws:s3:::reports, arn:aws:s3:::reports/curated/*']) },
    },
    { name: 'every action can act on anything', files: { [at]: perms(['"*"', 'arn:aws:s3:::bank-drop']) } },
    {
      name: "an unknown action is aws/unknown-action's finding",
      files: { [at]: perms(['s3:GetObjekt', 'arn:aws:dynamodb:eu-west-1:123456789012:table/x']) },
    },
    {
      name: 'an ended elevation',
      files: {
        [at]: elevation(IDENTITY, 's3:GetObject', 'arn:aws:s3', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z'),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:GetObject', 'arn:aws:s3:::bank-drop'])) } },
  ],
  bad: [
    {
      name: 'a table for s3:GetObject',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:dynamodb:eu-west-1:123456789012:table/x']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'grantsNothing',
          message:
            'this permission grants nothing: s3:GetObject cannot act on ' +
            '"arn:aws:dynamodb:eu-west-1:123456789012:table/x"; s3:GetObject acts on accesspointobject ' +
            '(arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), ' +
            'object (arn:${Partition}:s3:::${BucketName}/${ObjectName}): write the resource in one of those ' +
            'forms',
        },
      ],
    },
    {
      name: 'a bucket where objects are meant',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop']) },
      expect: [{ line: 24, column: 23, messageId: 'grantsNothing' }],
    },
    {
      name: 'objects where the bucket is meant (s3:ListBucket)',
      files: { [at]: perms(['s3:ListBucket', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'grantsNothing',
          message:
            'this permission grants nothing: s3:ListBucket cannot act on "arn:aws:s3:::bank-drop/*"; ' +
            's3:ListBucket acts on accesspoint (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${Access' +
            'PointName}), bucket (arn:${Partition}:s3:::${BucketName}): write the resource in one of those ' +
            'forms',
        },
      ],
    },
    {
      name: 'an action AWS grants only on "*", on an ARN (issue 13)',
      files: { [at]: perms(['ecr:GetAuthorizationToken', 'arn:aws:ecr:eu-west-1:123456789012:repository/shop']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'grantsNothing',
          message:
            'this permission grants nothing: ecr:GetAuthorizationToken cannot act on ' +
            '"arn:aws:ecr:eu-west-1:123456789012:repository/shop"; ecr:GetAuthorizationToken takes no ' +
            'resource: AWS grants it only on "*", so give it a permission of its own with resources ["*"]',
        },
      ],
    },
    {
      name: 'a wildcard none of whose actions acts on the resource (issue 13)',
      files: { [at]: perms(['s3:GetAccount*', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'grantsNothing',
          message:
            'this permission grants nothing: s3:GetAccount* cannot act on "arn:aws:s3:::bank-drop/*"; ' +
            's3:GetAccountPublicAccessBlock takes no resource: AWS grants it only on "*", so give it a ' +
            'permission of its own with resources ["*"]',
        },
      ],
    },
    {
      name: 'one action of several acts on none of the resources (issue 13)',
      files: { [at]: perms(['s3:GetObject, sqs:SendMessage', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 35,
          messageId: 'actionUnused',
          message:
            "sqs:SendMessage grants nothing here: none of this permission's resources is what it acts on; " +
            'sqs:SendMessage acts on queue (arn:${Partition}:sqs:${Region}:${Account}:${QueueName}): write ' +
            'the resource in that form',
        },
      ],
    },
    {
      name: 'an action AWS grants only on "*" beside actions on an ARN (issue 13)',
      files: {
        [at]: perms(['ecr:GetAuthorizationToken, ecr:PutImage', 'arn:aws:ecr:eu-west-1:123456789012:repository/shop']),
      },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'actionUnused',
          message:
            "ecr:GetAuthorizationToken grants nothing here: none of this permission's resources is what it " +
            'acts on; ecr:GetAuthorizationToken takes no resource: AWS grants it only on "*", so give it a ' +
            'permission of its own with resources ["*"]',
        },
      ],
    },
    {
      name: 'a resource no action acts on, beside one they do (issue 13)',
      files: {
        [at]: perms([
          's3:GetObject, s3:ListBucket',
          'arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/*, arn:aws:sqs:eu-west-1:123456789012:jobs',
        ]),
      },
      expect: [
        {
          line: 24,
          column: 73,
          messageId: 'resourceUnusedExpected',
          message:
            'resource "arn:aws:sqs:eu-west-1:123456789012:jobs" names nothing s3:GetObject, s3:ListBucket ' +
            'can act on; expected arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}, ' +
            'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, ' +
            'arn:${Partition}:s3:::${BucketName} and 1 more',
        },
      ],
    },
    {
      name: 'a table without region',
      files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb::123456789012:table/orders']) },
      expect: [{ line: 24, column: 23, messageId: 'grantsNothing' }],
    },
    {
      name: 'too few fields',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:bank-drop/*']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'invalidArn',
          message: /is not a valid ARN: it does not have the six colon-separated fields/,
        },
      ],
    },
    {
      name: 'an unknown partition',
      files: { [at]: perms(['s3:GetObject', 'arn:amazon:s3:::bank-drop/*']) },
      expect: [{ line: 24, column: 23, messageId: 'invalidArn', message: /partition/ }],
    },
    {
      name: 'an account of 11 digits',
      files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:12345678901:jobs']) },
      expect: [{ line: 24, column: 23, messageId: 'invalidArn', message: /12 digits/ }],
    },
    {
      name: 'the second resource',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop/*, arn:aws:sqs:eu-west-1:123456789012:jobs']) },
      expect: [{ line: 24, column: 49, messageId: 'resourceUnusedExpected' }],
    },
    {
      name: 'an elevation still to come',
      files: {
        [at]: elevation(
          IDENTITY,
          'sqs:SendMessage',
          'arn:aws:sns:eu-west-1:123456789012:jobs',
          '2026-12-01T00:00:00Z',
          '2026-12-01T08:00:00Z',
        ),
      },
      expect: [{ line: 34, column: 27, messageId: 'grantsNothing' }],
    },
  ],
});
