import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/malformed-arn', {
  good: [
    { name: 'an object ARN for s3:GetObject', files: { [at]: IDENTITY } },
    { name: 'bucket and objects for list and get (the bundled settlement-reader)', files: { [at]: perms(['s3:GetObject, s3:ListBucket', 'arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/settlements/*']) } },
    { name: 'a DynamoDB table (the bundled support-assistant)', files: { [at]: perms(['dynamodb:GetItem, dynamodb:Query', 'arn:aws:dynamodb:eu-central-1:210987654321:table/order-status']) } },
    { name: 'an ECR repository (the bundled ci-deployer)', files: { [at]: perms(['ecr:BatchCheckLayerAvailability, ecr:PutImage', 'arn:aws:ecr:eu-west-1:123456789012:repository/shop']) } },
    { name: 'IAM roles and users by path (the project\'s own identities)', files: { [at]: perms(['iam:GetRole, iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/idac/*'], ['iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/idac/*']) } },
    { name: 'wildcards where the template has variables', files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/*'], ['s3:GetObject', 'arn:aws:s3:::*']) } },
    { name: 'a log stream ARN with colons in the resource', files: { [at]: perms(['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/app:log-stream:*']) } },
    { name: 'an action AWS grants only on "*" is not checked', files: { [at]: perms(['ecr:GetAuthorizationToken', 'arn:aws:s3:::whatever']) } },
    { name: 'every action can act on anything', files: { [at]: perms(['"*"', 'arn:aws:s3:::bank-drop']) } },
    { name: 'an unknown action is aws/unknown-action\'s finding', files: { [at]: perms(['s3:GetObjekt', 'arn:aws:dynamodb:eu-west-1:123456789012:table/x']) } },
    { name: 'an ended elevation', files: { [at]: elevation(IDENTITY, 's3:GetObject', 'arn:aws:s3', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') } },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:GetObject', 'arn:aws:s3:::bank-drop'])) } },
  ],
  bad: [
    { name: 'a table for s3:GetObject', files: { [at]: perms(['s3:GetObject', 'arn:aws:dynamodb:eu-west-1:123456789012:table/x']) }, expect: [{ line: 24, column: 23, message: /^resource "arn:aws:dynamodb:eu-west-1:123456789012:table\/x" names nothing s3:GetObject can act on; expected .*arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/ }] },
    { name: 'a bucket where objects are meant', files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop']) }, expect: [{ line: 24, column: 23 }] },
    { name: 'objects where the bucket is meant (s3:ListBucket)', files: { [at]: perms(['s3:ListBucket', 'arn:aws:s3:::bank-drop/*']) }, expect: [{ line: 24, column: 23, message: /names nothing s3:ListBucket can act on; expected .*, arn:\$\{Partition\}:s3:::\$\{BucketName\}$/ }] },
    { name: 'a table without region', files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb::123456789012:table/orders']) }, expect: [{ line: 24, column: 23 }] },
    { name: 'too few fields', files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:bank-drop/*']) }, expect: [{ line: 24, column: 23, message: /is not a valid ARN: it does not have the six colon-separated fields/ }] },
    { name: 'an unknown partition', files: { [at]: perms(['s3:GetObject', 'arn:amazon:s3:::bank-drop/*']) }, expect: [{ line: 24, column: 23, message: /partition/ }] },
    { name: 'an account of 11 digits', files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:12345678901:jobs']) }, expect: [{ line: 24, column: 23, message: /12 digits/ }] },
    { name: 'the second resource', files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop/*, arn:aws:sqs:eu-west-1:123456789012:jobs']) }, expect: [{ line: 24, column: 49 }] },
    { name: 'an elevation still to come', files: { [at]: elevation(IDENTITY, 'sqs:SendMessage', 'arn:aws:sns:eu-west-1:123456789012:jobs', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') }, expect: [{ line: 34, column: 27 }] },
  ],
});
