import { IDENTITY, ruleTable } from '../harness.js';
import { at, conditioned, elevation, perms, tombstone } from './fixture.js';

const INSTANCE = 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0';

ruleTable('aws/credentials-exposure', {
  good: [
    { name: 'no credential actions', files: { [at]: IDENTITY } },
    { name: 'one named instance', files: { [at]: perms(['ec2:GetPasswordData', INSTANCE]) } },
    { name: 'Describe-only on "*"', files: { [at]: perms(['ec2:Describe*', '"*"']) } },
    {
      name: 'actions AWS grants only on "*" (the bundled ci-deployer, sts:GetSessionToken)',
      files: { [at]: perms(['ecr:GetAuthorizationToken, sts:GetSessionToken', '"*"']) },
    },
    {
      name: 'iam:CreateAccessKey on "*" is aws/privilege-escalation, not reported twice',
      files: { [at]: perms(['iam:CreateAccessKey', '"*"']) },
    },
    {
      name: 'write-level credential actions on "*" are aws/resource-wildcard-write',
      files: { [at]: perms(['redshift:GetClusterCredentials, sts:AssumeRole', '"*"']) },
    },
    {
      name: 'an elevation still to come is not in force yet',
      files: {
        [at]: elevation(IDENTITY, 'ec2:GetPasswordData', '"*"', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z'),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['ec2:GetPasswordData', '"*"'])) } },
  ],
  bad: [
    {
      name: 'pinned by a resource tag: the lesser form, naming the key',
      files: {
        [at]: conditioned('ec2:GetPasswordData', '"*"', '{ StringEquals: { "aws:ResourceTag/team": payments } }'),
      },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'credentialActionPinned',
          message: new RegExp(
            String.raw`^resource "\*" grants ec2:GetPasswordData, which returns credentials for every resource ` +
              String.raw`the condition on aws:ResourceTag/team admits`,
          ),
        },
      ],
    },
    {
      name: 'ec2:GetPasswordData on "*"',
      files: { [at]: perms(['ec2:GetPasswordData', '"*"']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'credentialAction',
          message: new RegExp(
            String.raw`^resource "\*" grants ec2:GetPasswordData, which returns credentials for every resource ` +
              String.raw`of its kind in the account$`,
          ),
        },
      ],
    },
    {
      name: 'a wildcard reaching several',
      files: { [at]: perms(['gamelift:Get*', '"*"']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'credentialActions',
          message: new RegExp(
            String.raw`^resource "\*" grants 3 actions that return credentials \(gamelift:GetComputeAccess, ` +
              String.raw`gamelift:GetComputeAuthToken, gamelift:GetInstanceAccess\) on every resource of the account$`,
          ),
        },
      ],
    },
    {
      name: 'next to an exempt action in the same permission',
      files: { [at]: perms(['ecr:GetAuthorizationToken, codeartifact:GetAuthorizationToken', '"*"']) },
      expect: [{ line: 24, column: 23, messageId: 'credentialAction', message: /codeartifact:GetAuthorizationToken/ }],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'ec2:GetPasswordData', '"*"') },
      expect: [{ line: 34, column: 27, messageId: 'credentialAction' }],
    },
  ],
});
