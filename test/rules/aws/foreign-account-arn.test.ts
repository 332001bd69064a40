import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/foreign-account-arn', {
  good: [
    { name: 'S3 ARNs have no account', files: { [at]: IDENTITY } },
    {
      name: "the identity's own account",
      files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders']) },
    },
    {
      name: 'AWS-managed resources',
      files: { [at]: perms(['iam:GetPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess']) },
    },
    { name: '"*" is aws/resource-wildcard-write\'s concern', files: { [at]: perms(['s3:GetObject', '"*"']) } },
    {
      name: 'an ended elevation',
      files: {
        [at]: elevation(
          IDENTITY,
          'sqs:SendMessage',
          'arn:aws:sqs:eu-west-1:999999999999:jobs',
          '2026-11-20T00:00:00Z',
          '2026-11-20T08:00:00Z',
        ),
      },
    },
    {
      name: 'a tombstone is skipped',
      files: { [at]: tombstone(perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs'])) },
    },
  ],
  bad: [
    {
      name: 'another account',
      files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'otherAccount',
          message: new RegExp(
            String.raw`^resource "arn:aws:sqs:eu-west-1:999999999999:jobs" is in AWS account 999999999999, not ` +
              String.raw`this identity's account 123456789012$`,
          ),
        },
      ],
    },
    {
      name: 'any account',
      files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::*:role/reader']) },
      expect: [
        { line: 24, column: 23, messageId: 'anyAccount', message: /matches any AWS account \(account field "\*"\)/ },
      ],
    },
    {
      name: 'a partial account wildcard',
      files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:12345678901?:jobs']) },
      expect: [{ line: 24, column: 23, messageId: 'otherAccounts', message: /matches other AWS accounts/ }],
    },
    {
      name: 'the second resource',
      files: {
        [at]: perms([
          'dynamodb:GetItem',
          'arn:aws:dynamodb:eu-west-1:123456789012:table/a, arn:aws:dynamodb:eu-west-1:210987654321:table/b',
        ]),
      },
      expect: [{ line: 24, column: 72, messageId: 'otherAccount', message: /account 210987654321/ }],
    },
    {
      name: 'an elevation still to come',
      files: {
        [at]: elevation(
          IDENTITY,
          'sqs:SendMessage',
          'arn:aws:sqs:eu-west-1:999999999999:jobs',
          '2026-12-01T00:00:00Z',
          '2026-12-01T08:00:00Z',
        ),
      },
      expect: [{ line: 34, column: 27, messageId: 'otherAccount' }],
    },
  ],
});
