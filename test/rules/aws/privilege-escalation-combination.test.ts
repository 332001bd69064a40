import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

const ROLE = 'arn:aws:iam::123456789012:role/app-task';
const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:app';

ruleTable('aws/privilege-escalation-combination', {
  good: [
    { name: 'no combination', files: { [at]: IDENTITY } },
    { name: 'iam:PassRole alone', files: { [at]: perms(['iam:PassRole', ROLE]) } },
    {
      name: 'lambda:CreateFunction and InvokeFunction without PassRole',
      files: { [at]: perms(['lambda:CreateFunction, lambda:InvokeFunction', FN]) },
    },
    {
      name: 'iam:PassRole on a bucket ARN passes nothing',
      files: { [at]: perms(['iam:PassRole', 'arn:aws:s3:::bank-drop'], ['ec2:RunInstances', '"*"']) },
    },
    { name: 'two of three parts', files: { [at]: perms(['iam:PassRole, lambda:CreateFunction', '"*"']) } },
    {
      name: 'a part in an elevation that has not started',
      files: {
        [at]: elevation(
          perms(['iam:PassRole', ROLE]),
          'ec2:RunInstances',
          '"*"',
          '2026-12-01T00:00:00Z',
          '2026-12-01T08:00:00Z',
        ),
      },
    },
    {
      name: 'a part in an ended elevation',
      files: {
        [at]: elevation(
          perms(['iam:PassRole', ROLE]),
          'ec2:RunInstances',
          '"*"',
          '2026-11-20T00:00:00Z',
          '2026-11-20T08:00:00Z',
        ),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['iam:PassRole, ec2:RunInstances', '"*"'])) } },
  ],
  bad: [
    {
      name: 'PassRole + RunInstances in one permission',
      files: { [at]: perms(['iam:PassRole, ec2:RunInstances', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: new RegExp(
            String.raw`^privilege escalation in combination: iam:PassRole \+ ec2:RunInstances \(launch an ` +
              String.raw`instance .*\): iam:PassRole at spec\.access\.aws\.permissions\[0\]\.actions\[0\]; ` +
              String.raw`ec2:RunInstances at spec\.access\.aws\.permissions\[0\]\.actions\[1\]$`,
          ),
        },
      ],
    },
    {
      name: 'parts in different permissions, reported at the first',
      files: { [at]: perms(['lambda:CreateFunction', FN], ['lambda:AddPermission', FN], ['iam:Pass*', ROLE]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: new RegExp(
            String.raw`iam:PassRole \+ lambda:CreateFunction \+ lambda:AddPermission .*iam:PassRole through ` +
              String.raw`"iam:Pass\*" at spec\.access\.aws\.permissions\[2\]\.actions\[0\]`,
          ),
        },
      ],
    },
    {
      name: 'a part granted by an active elevation',
      files: { [at]: elevation(perms(['iam:PassRole', ROLE]), 'ec2:RunInstances', '"*"') },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /ec2:RunInstances at spec\.elevations\[0\]\.access\.aws\.permissions\[0\]\.actions\[0\]/,
        },
      ],
    },
    {
      name: 'two combinations',
      files: {
        [at]: perms(
          ['iam:PassRole, glue:CreateDevEndpoint', '"*"'],
          ['cloudformation:CreateStack', 'arn:aws:cloudformation:eu-west-1:123456789012:stack/app/*'],
        ),
      },
      // Findings at one position sort by message.
      expect: [
        { line: 23, column: 21, messageId: 'combination', message: /cloudformation:CreateStack/ },
        { line: 23, column: 21, messageId: 'combination', message: /glue:CreateDevEndpoint/ },
      ],
    },
    {
      name: 'trust rewrite then assume',
      files: { [at]: perms(['sts:AssumeRole', ROLE], ['iam:UpdateAssumeRolePolicy', ROLE]) },
      expect: [
        { line: 23, column: 21, messageId: 'combination', message: /iam:UpdateAssumeRolePolicy \+ sts:AssumeRole/ },
      ],
    },
    {
      name: 'codestar project with a team member',
      files: { [at]: perms(['codestar:CreateProject, codestar:AssociateTeamMember', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /codestar:CreateProject \+ codestar:AssociateTeamMember/,
        },
      ],
    },
    {
      name: 'ECS task role override',
      files: {
        [at]: perms(
          ['ecs:RunTask', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app:*'],
          ['iam:PassRole', ROLE],
        ),
      },
      expect: [{ line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ ecs:RunTask/ }],
    },
    {
      name: 'one pattern alone completes a combination',
      files: { [at]: perms(['iam:*Role', ROLE]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'alone',
          message: /^privilege escalation in combination: "iam:\*Role" alone grants iam:CreateRole \+ iam:PassRole \(/,
        },
      ],
    },
    {
      name: '"*" completes them all, once',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'aloneMany',
          message: /"\*" alone grants \d+ escalating combinations: iam:PassRole \+ ec2:RunInstances, /,
        },
      ],
    },
  ],
});
