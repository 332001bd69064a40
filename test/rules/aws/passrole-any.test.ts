import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/passrole-any', {
  good: [
    { name: 'no PassRole', files: { [at]: perms(['s3:PutObject', '"*"']) } },
    {
      name: 'PassRole on one role',
      files: { [at]: perms(['iam:PassRole', 'arn:aws:iam::123456789012:role/app-task']) },
    },
    {
      name: 'PassRole on a path of roles',
      files: { [at]: perms(['iam:PassRole', 'arn:aws:iam::123456789012:role/app/*']) },
    },
    { name: 'a wildcard that does not reach PassRole', files: { [at]: perms(['iam:Get*', '"*"']) } },
    {
      name: 'an elevation still to come',
      files: { [at]: elevation(IDENTITY, 'iam:PassRole', '"*"', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['iam:PassRole', '"*"'])) } },
  ],
  bad: [
    {
      name: 'PassRole on "*"',
      files: { [at]: perms(['iam:PassRole', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'anyRole',
          message: /^iam:PassRole on "\*" can hand any role, however privileged, to a service the identity controls$/,
        },
      ],
    },
    {
      name: 'iam:Pass* on "*"',
      files: { [at]: perms(['iam:Pass*', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'anyRoleThrough',
          message: /^iam:PassRole \(through "iam:Pass\*"\) on "\*"/,
        },
      ],
    },
    {
      name: 'every role of the account',
      files: { [at]: perms(['iam:PassRole', 'arn:aws:iam::123456789012:role/*']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRole', message: /on "arn:aws:iam::123456789012:role\/\*"/ }],
    },
    {
      name: '"*" on "*"',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRoleThrough', message: /through "\*"/ }],
    },
    {
      name: 'iam:* and a second resource',
      files: { [at]: perms(['s3:GetObject, iam:*', 'arn:aws:s3:::bank-drop/*, "*"']) },
      expect: [{ line: 23, column: 35, messageId: 'anyRoleThrough' }],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'iam:PassRole', '"*"') },
      expect: [{ line: 33, column: 25, messageId: 'anyRole' }],
    },
  ],
});
