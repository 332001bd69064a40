import { IDENTITY, ruleTable } from '../harness.js';
import { at, conditioned, elevation } from './fixture.js';

const OBJECTS = 'arn:aws:s3:::bank-drop/*';
const BUCKET = 'arn:aws:s3:::bank-drop';

ruleTable('aws/invalid-condition', {
  good: [
    {
      name: 'a global key',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ StringEquals: { "aws:SourceVpc": vpc-0a1b2c3d } }') },
    },
    {
      name: 'a key of the action (s3:prefix on s3:ListBucket), in a list',
      files: { [at]: conditioned('s3:ListBucket', BUCKET, '{ StringLike: { "s3:prefix": [home/*, tmp/*] } }') },
    },
    {
      name: 'a tag key matches the reference template by prefix, key names in any case',
      files: {
        [at]: conditioned(
          's3:GetObject',
          OBJECTS,
          '{ StringEquals: { "aws:ResourceTag/team": payments, "S3:ExistingObjectTag/class": public } }',
        ),
      },
    },
    {
      name: 'a key of the resource type (s3:BucketTag/… on objects)',
      files: { [at]: conditioned('s3:GetObject', OBJECTS, '{ StringEquals: { "s3:BucketTag/env": prod } }') },
    },
    {
      name: 'a key of one of the actions is enough (iam:PassedToService on iam:PassRole)',
      files: {
        [at]: conditioned(
          'iam:PassRole, iam:GetRole',
          'arn:aws:iam::123456789012:role/app',
          '{ StringEquals: { "iam:PassedToService": ecs-tasks.amazonaws.com } }',
        ),
      },
    },
    {
      name: 'every operator form: IfExists, set prefixes, Bool, Null, IpAddress, Numeric, Date, Arn',
      files: {
        [at]: conditioned(
          's3:PutObject',
          OBJECTS,
          '{ StringEqualsIfExists: { "aws:SourceVpce": vpce-1 }, Bool: { "aws:SecureTransport": true }, ' +
            '"Null": { "aws:TokenIssueTime": "false" }, NotIpAddress: { "aws:SourceIp": [203.0.113.0/24, ' +
            '"2001:db8::/32", 198.51.100.7] }, NumericLessThan: { "aws:MultiFactorAuthAge": 3600 }, ' +
            'DateLessThan: { "aws:CurrentTime": "2027-01-01T00:00:00Z" }, ' +
            '"ForAnyValue:StringLike": { "aws:TagKeys": [team*] }, ' +
            'ArnLike: { "aws:SourceArn": "arn:aws:lambda:eu-west-1:123456789012:function:*" } }',
        ),
      },
    },
    {
      name: 'with every action any real service key is accepted',
      files: { [at]: conditioned('"*"', '"*"', '{ StringEquals: { "ec2:Region": eu-west-1 } }') },
    },
    {
      name: 'an unknown action is left to aws/unknown-action',
      files: { [at]: conditioned('s3:GetObjekt', OBJECTS, '{ StringEquals: { "s3:prefix": a } }') },
    },
    {
      name: 'an ended elevation is history',
      files: {
        [at]:
          elevation(IDENTITY, 's3:GetObject', OBJECTS, '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') +
          '              conditions: { StringEqualz: { "aws:SourceVpc": vpc-1 } }\n',
      },
    },
  ],
  bad: [
    {
      name: 'a misspelt operator, with the closest one',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ StringEqual: { "aws:SourceVpc": vpc-1 } }') },
      expect: [
        {
          line: 25,
          column: 25,
          messageId: 'unknownOperatorGuess',
          message: /^"StringEqual" is no IAM condition operator; did you mean "StringEquals"\?$/,
        },
      ],
    },
    {
      name: 'Null takes no IfExists',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ "NullIfExists": { "aws:SourceVpc": true } }') },
      expect: [{ line: 25, column: 25, messageId: 'unknownOperatorGuess', message: /did you mean "Null"\?$/ }],
    },
    {
      name: 'an operator with nothing close',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ Frobnicate: { "aws:SourceVpc": vpc-1 } }') },
      expect: [{ line: 25, column: 25, messageId: 'unknownOperator', message: /^"Frobnicate" is no IAM/ }],
    },
    {
      name: 'a misspelt global key',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ StringEquals: { "aws:SourceVcp": vpc-1 } }') },
      expect: [
        {
          line: 25,
          column: 41,
          messageId: 'unknownKeyGuess',
          message: new RegExp(
            String.raw`^"aws:SourceVcp" is neither a global condition key nor a key of s3:PutObject; ` +
              String.raw`did you mean "aws:SourceVpc"\?$`,
          ),
        },
      ],
    },
    {
      name: 'a key of another action of the service (s3:prefix is ListBucket’s, not GetObject’s)',
      files: { [at]: conditioned('s3:GetObject', OBJECTS, '{ StringLike: { "s3:prefix": home/* } }') },
      expect: [
        {
          line: 25,
          column: 39,
          messageId: 'unknownKey',
          message: /^"s3:prefix" is neither .* s3:GetObject: the request never carries it/,
        },
      ],
    },
    {
      name: 'a key of another service',
      files: { [at]: conditioned('s3:GetObject', OBJECTS, '{ StringEquals: { "ec2:Region": eu-west-1 } }') },
      expect: [{ line: 25, column: 41, messageId: 'unknownKey', message: /"ec2:Region"/ }],
    },
    {
      name: 'with every action, a key of no service',
      files: { [at]: conditioned('"*"', '"*"', '{ StringEquals: { "frob:Region": eu-west-1 } }') },
      expect: [{ line: 25, column: 41, messageId: 'unknownKey', message: /"frob:Region" .* of \*/ }],
    },
    {
      name: 'Bool takes true or false',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ Bool: { "aws:SecureTransport": "yes" } }') },
      expect: [
        {
          line: 25,
          column: 56,
          messageId: 'badValue',
          message: /^Bool aws:SecureTransport: "yes" is not true or false$/,
        },
      ],
    },
    {
      name: 'IpAddress takes a CIDR range, the second value of a list',
      files: {
        [at]: conditioned('s3:PutObject', OBJECTS, '{ IpAddress: { "aws:SourceIp": [10.0.0.0/8, 10.0.0.300/32] } }'),
      },
      expect: [
        {
          line: 25,
          column: 67,
          messageId: 'badValue',
          message: /"10\.0\.0\.300\/32" is not an IP address or CIDR range/,
        },
      ],
    },
    {
      name: 'Numeric takes a number',
      files: {
        [at]: conditioned('s3:PutObject', OBJECTS, '{ NumericLessThan: { "aws:MultiFactorAuthAge": one-hour } }'),
      },
      expect: [{ line: 25, column: 70, messageId: 'badValue', message: /"one-hour" is not a number$/ }],
    },
    {
      name: 'Date takes an ISO 8601 date that exists',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ DateLessThan: { "aws:CurrentTime": "2026-02-30" } }') },
      expect: [{ line: 25, column: 60, messageId: 'badValue', message: /"2026-02-30" is not an ISO 8601 date/ }],
    },
    {
      name: 'Null takes true or false',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ "Null": { "aws:SourceVpc": absent } }') },
      expect: [
        { line: 25, column: 52, messageId: 'badValue', message: /^Null aws:SourceVpc: "absent" is not true or false$/ },
      ],
    },
    {
      name: 'Arn operators take an ARN',
      files: { [at]: conditioned('s3:PutObject', OBJECTS, '{ ArnEquals: { "aws:SourceArn": my-function } }') },
      expect: [{ line: 25, column: 55, messageId: 'badValue', message: /"my-function" is not an ARN/ }],
    },
    {
      name: 'in an active elevation',
      files: {
        [at]:
          elevation(IDENTITY, 's3:GetObject', OBJECTS) +
          '              conditions: { StringEqualz: { "aws:SourceVpc": vpc-1 } }\n',
      },
      expect: [{ line: 35, column: 29, messageId: 'unknownOperatorGuess', message: /did you mean "StringEquals"/ }],
    },
  ],
});
