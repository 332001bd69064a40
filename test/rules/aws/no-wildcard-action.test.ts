import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/no-wildcard-action', {
  good: [
    { name: 'named actions', files: { [at]: IDENTITY } },
    {
      name: "a partial wildcard is aws/wildcard-expands-to-write's concern",
      files: { [at]: perms(['s3:Get*', 'arn:aws:s3:::bank-drop/*']) },
    },
    { name: "an unknown service is aws/unknown-action's concern", files: { [at]: perms(['nosuchservice:*', '"*"']) } },
    {
      name: 'an ended elevation is history',
      files: { [at]: elevation(IDENTITY, '"*"', '"*"', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['"*"', '"*"'])) } },
  ],
  bad: [
    {
      name: 'every action',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'everyAction',
          message: /action "\*" grants every action of every AWS service/,
        },
      ],
    },
    {
      name: 'a whole service',
      files: { [at]: perms(['s3:*', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        { line: 23, column: 21, messageId: 'everyServiceAction', message: /"s3:\*" grants all \d+ actions of s3/ },
      ],
    },
    {
      name: 'service prefix in upper case',
      files: { [at]: perms(['IAM:*', 'arn:aws:iam::123456789012:role/app']) },
      expect: [{ line: 23, column: 21, messageId: 'everyServiceAction', message: /all \d+ actions of iam/ }],
    },
    {
      name: 'second action, second permission',
      files: {
        [at]: perms(
          ['s3:GetObject', 'arn:aws:s3:::bank-drop/*'],
          ['s3:GetObject, sqs:*', 'arn:aws:sqs:eu-west-1:123456789012:jobs'],
        ),
      },
      expect: [{ line: 25, column: 35, messageId: 'everyServiceAction', message: /"sqs:\*"/ }],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'dynamodb:*', 'arn:aws:dynamodb:eu-west-1:123456789012:table/t') },
      expect: [{ line: 33, column: 25, messageId: 'everyServiceAction' }],
    },
    {
      name: 'an elevation still to come',
      files: { [at]: elevation(IDENTITY, '"*"', '"*"', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') },
      expect: [{ line: 33, column: 25, messageId: 'everyAction' }],
    },
  ],
});
