import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

ruleTable('aws/unknown-action', {
  good: [
    {
      name: 'real actions',
      files: { [at]: perms(['s3:GetObject, s3:ListBucket', 'arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/*']) },
    },
    {
      name: 'action names are case-insensitive',
      files: {
        [at]: perms(['S3:getobject, iam:PASSROLE', 'arn:aws:s3:::bank-drop/*, arn:aws:iam::123456789012:role/app']),
      },
    },
    { name: 'a wildcard that matches', files: { [at]: perms(['s3:Get*Tagging', 'arn:aws:s3:::bank-drop/*']) } },
    { name: 'every action', files: { [at]: perms(['"*"', '"*"']) } },
    {
      name: 'an ended elevation is history',
      files: {
        [at]: elevation(
          IDENTITY,
          's3:GetObjekt',
          'arn:aws:s3:::bank-drop/*',
          '2026-11-20T00:00:00Z',
          '2026-11-20T08:00:00Z',
        ),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['s3:GetObjekt', 'arn:aws:s3:::bank-drop/*'])) } },
  ],
  bad: [
    {
      name: 'a misspelt action, with the closest real one',
      files: { [at]: perms(['s3:GetObjekt', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'unknownActionGuess',
          message: /^"s3:GetObjekt": s3 has no action "GetObjekt"; did you mean "s3:GetObject"\?$/,
        },
      ],
    },
    {
      name: 'an unknown service prefix',
      files: { [at]: perms(['s4:GetObject', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'unknownServiceGuess',
          message: /AWS has no service prefix "s4"; did you mean "s3"\?/,
        },
      ],
    },
    {
      name: 'an unknown service with nothing close',
      files: { [at]: perms(['frobnicator:GetObject', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'unknownService', message: /no service prefix "frobnicator"$/ }],
    },
    {
      name: 'an action with nothing close',
      files: { [at]: perms(['s3:Teleport', 'arn:aws:s3:::bank-drop/*']) },
      expect: [{ line: 23, column: 21, messageId: 'unknownAction', message: /s3 has no action "Teleport"$/ }],
    },
    {
      name: 'a wildcard that matches nothing',
      files: { [at]: perms(['s3:GetObjekt*', 'arn:aws:s3:::bank-drop/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'matchesNothing',
          message: /"s3:GetObjekt\*" matches no action of s3; it grants nothing/,
        },
      ],
    },
    {
      name: 'the second action',
      files: { [at]: perms(['s3:GetObject, s3:PutObjekt', 'arn:aws:s3:::bank-drop/*']) },
      expect: [{ line: 23, column: 35, messageId: 'unknownActionGuess', message: /did you mean "s3:PutObject"/ }],
    },
    {
      name: 'in an active elevation',
      files: { [at]: elevation(IDENTITY, 'iam:PasRole', 'arn:aws:iam::123456789012:role/app') },
      expect: [{ line: 33, column: 25, messageId: 'unknownActionGuess', message: /did you mean "iam:PassRole"/ }],
    },
    {
      name: 'in an elevation still to come',
      files: {
        [at]: elevation(
          IDENTITY,
          's3:GetObjekt',
          'arn:aws:s3:::bank-drop/*',
          '2026-12-01T00:00:00Z',
          '2026-12-01T08:00:00Z',
        ),
      },
      expect: [{ line: 33, column: 25, messageId: 'unknownActionGuess' }],
    },
    {
      name: 'the undocumented codestar:CreateProjectFromTemplate is not in the reference',
      files: { [at]: perms(['codestar:CreateProjectFromTemplate', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'unknownAction',
          message: /codestar has no action "CreateProjectFromTemplate"/,
        },
      ],
    },
  ],
});
