import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/assume-role-any', {
  good: [
    { name: 'no AssumeRole', files: { [at]: IDENTITY } },
    {
      name: 'AssumeRole on one role',
      files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::123456789012:role/reader']) },
    },
    { name: 'other STS actions on "*"', files: { [at]: perms(['sts:GetCallerIdentity', '"*"']) } },
    {
      name: 'an ended elevation',
      files: { [at]: elevation(IDENTITY, 'sts:AssumeRole', '"*"', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['sts:AssumeRole', '"*"'])) } },
  ],
  bad: [
    {
      name: 'AssumeRole on "*"',
      files: { [at]: perms(['sts:AssumeRole', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'anyRole',
          message: /^sts:AssumeRole on "\*" can assume any role whose trust policy admits this identity$/,
        },
      ],
    },
    {
      name: 'web identity on "*"',
      files: { [at]: perms(['sts:AssumeRoleWithWebIdentity', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRole', message: /^sts:AssumeRoleWithWebIdentity on/ }],
    },
    {
      name: 'sts:Assume* on "*"',
      files: { [at]: perms(['sts:Assume*', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRoleThrough', message: /through "sts:Assume\*"/ }],
    },
    {
      name: 'any role of any account',
      files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::*:role/*']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRole', message: /on "arn:aws:iam::\*:role\/\*"/ }],
    },
    {
      name: '"*" on "*"',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'anyRoleThrough', message: /^sts:AssumeRole \(through "\*"\)/ }],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'sts:AssumeRole', '"*"') },
      expect: [{ line: 33, column: 25, messageId: 'anyRole' }],
    },
  ],
});
