import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/wildcard-expands-to-write', {
  good: [
    { name: 'named actions', files: { [at]: IDENTITY } },
    {
      name: 'a wildcard over read actions only',
      files: { [at]: perms(['s3:GetObject*', 'arn:aws:s3:::bank-drop/*']) },
    },
    { name: 'a wildcard over list actions only', files: { [at]: perms(['s3:List*', 'arn:aws:s3:::bank-drop']) } },
    { name: '"*" and "svc:*" are aws/no-wildcard-action\'s findings', files: { [at]: perms(['"*", s3:*', '"*"']) } },
    { name: 'a write action named in full', files: { [at]: perms(['s3:PutObject', 'arn:aws:s3:::bank-drop/*']) } },
    {
      name: "a wildcard matching nothing is aws/unknown-action's finding",
      files: { [at]: perms(['s3:Frobnicate*', 'arn:aws:s3:::bank-drop/*']) },
    },
    {
      name: 'write actions that act on none of its resources are not granted (bucket-policy actions on objects)',
      files: { [at]: perms(['s3:*BucketPolicy*', 'arn:aws:s3:::bank-drop/*']) },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:*Object', 'arn:aws:s3:::bank-drop/*'])) } },
  ],
  bad: [
    {
      name: 's3:*Object reaches DeleteObject and PutObject',
      files: { [at]: perms(['s3:*Object', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'writes',
          message: new RegExp(
            String.raw`"s3:\*Object" grants \d+ actions on its resources, \d+ of them write or ` +
              String.raw`permissions-management actions: s3:DeleteObject, s3:PutObject`,
          ),
        },
      ],
    },
    {
      name: 'iam:*Policy* reaches permissions management',
      files: { [at]: perms(['iam:Get*, iam:*Policy*', 'arn:aws:iam::123456789012:role/app']) },
      expect: [{ line: 23, column: 31, messageId: 'writes', message: /iam:AttachRolePolicy/ }],
    },
    {
      name: '? is one character',
      files: { [at]: perms(['s3:?utObject', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'oneWrite',
          message:
            '"s3:?utObject" grants 1 action on its resources, 1 of them write or permissions-management ' +
            'actions: s3:PutObject',
        },
      ],
    },
    {
      name: 'case does not matter',
      files: { [at]: perms(['S3:putobj*', 'arn:aws:s3:::bank-drop/*']) },
      expect: [{ line: 23, column: 21, messageId: 'writes', message: /"S3:putobj\*" grants .*: s3:PutObject, / }],
    },
    {
      name: 'counts only what acts on its resources',
      files: { [at]: perms(['s3:Put*', 'arn:aws:s3:::bank-drop']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'writes',
          message: new RegExp(
            String.raw`^"s3:Put\*" grants \d+ actions on its resources, \d+ of them write or ` +
              String.raw`permissions-management actions: s3:PutAccelerateConfiguration, ` +
              String.raw`s3:PutAnalyticsConfiguration, `,
          ),
        },
      ],
    },
    {
      name: 'in an elevation',
      files: { [at]: elevation(IDENTITY, 'sqs:Send*', 'arn:aws:sqs:eu-west-1:123456789012:jobs') },
      expect: [{ line: 33, column: 25, messageId: 'oneWrite', message: /sqs:SendMessage/ }],
    },
  ],
});
