import { IDENTITY, ruleTable } from '../harness.js';
import { at, elevation, perms, tombstone } from './fixture.js';

const ROLE = 'arn:aws:iam::123456789012:role/app';

ruleTable('aws/privilege-escalation', {
  good: [
    { name: 'no IAM actions', files: { [at]: IDENTITY } },
    { name: 'read-only IAM', files: { [at]: perms(['iam:Get*, iam:List*', '"*"']) } },
    { name: 'iam:PassRole only escalates in combination', files: { [at]: perms(['iam:Pass*', ROLE]) } },
    {
      name: 'one named secret',
      files: {
        [at]: perms(['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-*']),
      },
    },
    {
      name: 'user and group actions on a role ARN grant nothing (aws/malformed-arn reports it)',
      files: { [at]: perms(['iam:PutUserPolicy, iam:AttachGroupPolicy', ROLE]) },
    },
    {
      name: '"*" on one table reaches no escalating action',
      files: { [at]: perms(['"*"', 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders']) },
    },
    {
      name: 'a misspelt action grants nothing (aws/unknown-action reports it)',
      files: { [at]: perms(['iam:PutRolePolicyy', ROLE]) },
    },
    {
      name: 'an elevation still to come is not in force yet',
      files: { [at]: elevation(IDENTITY, 'iam:PutRolePolicy', ROLE, '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') },
    },
    {
      name: 'an ended elevation',
      files: { [at]: elevation(IDENTITY, 'iam:PutRolePolicy', ROLE, '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['iam:PutRolePolicy', ROLE])) } },
    {
      name: 'Describe-only on "*" (ec2:DescribeInstances finds instances, it does not reach them)',
      files: { [at]: perms(['ec2:Describe*, ecs:Describe*, cloudformation:Describe*, autoscaling:Describe*', '"*"']) },
    },
    {
      name: 'reading a function, a build, a task and an instance attribute',
      files: {
        [at]: perms([
          'lambda:GetFunction, codebuild:BatchGetBuilds, ecs:DescribeTasks, ec2:DescribeInstanceAttribute',
          '"*"',
        ]),
      },
    },
    {
      name: "ec2:ModifyInstanceAttribute on a security group changes no instance's user data",
      files: { [at]: perms(['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:eu-west-1:123456789012:security-group/*']) },
    },
    {
      name: 'apprunner:UpdateService on a VPC connector changes no service',
      files: {
        [at]: perms(['apprunner:UpdateService', 'arn:aws:apprunner:eu-west-1:123456789012:vpcconnector/app/1/*']),
      },
    },
    {
      name: 'codebuild:Start* on a function ARN acts on no project',
      files: { [at]: perms(['codebuild:Start*', 'arn:aws:lambda:eu-west-1:123456789012:function:app']) },
    },
  ],
  bad: [
    {
      name: 'escalates even when scoped to one role',
      files: { [at]: perms(['iam:PutRolePolicy', ROLE]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /^privilege escalation: iam:PutRolePolicy, which writes an inline admin policy on a role$/,
        },
      ],
    },
    {
      name: 'case-insensitive',
      files: { [at]: perms(['IAM:createaccesskey', 'arn:aws:iam::123456789012:user/app']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /^privilege escalation: iam:CreateAccessKey, which mints access keys/,
        },
      ],
    },
    {
      name: 'through a wildcard',
      files: { [at]: perms(['iam:Put*', ROLE]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalations',
          message:
            '"iam:Put*" grants 2 privilege-escalation actions: iam:PutRolePolicy, iam:PutRolePermissionsBoundary',
        },
      ],
    },
    {
      name: 'through a wildcard on "*": every action it expands to',
      files: { [at]: perms(['iam:Put*', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalations',
          message:
            '"iam:Put*" grants 5 privilege-escalation actions: iam:PutUserPolicy, iam:PutGroupPolicy, ' +
            'iam:PutRolePolicy, iam:PutRolePermissionsBoundary and 1 more',
        },
      ],
    },
    {
      name: '"*" on a role: only what acts on roles',
      files: { [at]: perms(['"*"', ROLE]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalations',
          message:
            '"*" grants 5 privilege-escalation actions: iam:AttachRolePolicy, iam:PutRolePolicy, ' +
            'iam:UpdateAssumeRolePolicy, iam:DeleteRolePermissionsBoundary and 1 more',
        },
      ],
    },
    {
      name: 'through "*"',
      files: { [at]: perms(['"*"', '"*"']) },
      expect: [
        { line: 23, column: 21, messageId: 'escalations', message: /"\*" grants \d+ privilege-escalation actions/ },
      ],
    },
    {
      name: 'an undocumented action through a wildcard',
      files: { [at]: perms(['codestar:Create*', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /codestar:CreateProjectFromTemplate \(through "codestar:Create\*"\)/,
        },
      ],
    },
    {
      name: 'a new function version runs as its role',
      files: { [at]: perms(['lambda:Update*', 'arn:aws:lambda:eu-west-1:123456789012:function:app']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalations',
          message: /2 privilege-escalation actions: lambda:UpdateFunctionCode, lambda:UpdateFunctionConfiguration/,
        },
      ],
    },
    {
      name: 'removing a permissions boundary',
      files: { [at]: perms(['iam:DeleteRolePermissionsBoundary', ROLE]) },
      expect: [{ line: 23, column: 21, messageId: 'escalation', message: /removes the permissions boundary/ }],
    },
    {
      name: 'every secret',
      files: { [at]: perms(['secretsmanager:GetSecretValue', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /secretsmanager:GetSecretValue on "\*", which reads every secret/,
        },
      ],
    },
    {
      name: 'one finding per action pattern',
      files: { [at]: perms(['s3:GetObject, iam:AttachRolePolicy, ssm:SendCommand', '"*"']) },
      expect: [
        { line: 23, column: 35, messageId: 'escalation' },
        { line: 23, column: 57, messageId: 'escalation', message: /ssm:SendCommand/ },
      ],
    },
    {
      name: 'a shell in a running task (Cloudsplaining ECSExecuteCommandOnRunningTask)',
      files: { [at]: perms(['ecs:ExecuteCommand', 'arn:aws:ecs:eu-west-1:123456789012:task/prod/*']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /^privilege escalation: ecs:ExecuteCommand, which opens a shell in a running task/,
        },
      ],
    },
    {
      name: 'an SSH key pushed to an instance (Cloudsplaining EC2InstanceConnectSendSSHPublicKey)',
      files: {
        [at]: perms(['ec2-instance-connect:SendSSHPublicKey', 'arn:aws:ec2:eu-west-1:123456789012:instance/*']),
      },
      expect: [{ line: 23, column: 21, messageId: 'escalation', message: /ec2-instance-connect:SendSSHPublicKey/ }],
    },
    {
      name: 'user data of an existing instance (PMapper EC2 edge)',
      files: { [at]: perms(['ec2:Modify*', 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /^privilege escalation: ec2:ModifyInstanceAttribute \(through "ec2:Modify\*"\), which replaces/,
        },
      ],
    },
    {
      name: 'a build on an existing project overrides its buildspec (PMapper CodeBuild edge)',
      files: { [at]: perms(['codebuild:StartBuild', 'arn:aws:codebuild:eu-west-1:123456789012:project/app']) },
      expect: [{ line: 23, column: 21, messageId: 'escalation', message: /codebuild:StartBuild, which runs/ }],
    },
    {
      name: 'an Auto Scaling group from an existing launch configuration (PMapper AutoScaling edge)',
      files: { [at]: perms(['autoscaling:CreateAutoScalingGroup', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'escalation',
          message: /autoscaling:CreateAutoScalingGroup, which launches/,
        },
      ],
    },
    {
      name: 'a new image for an existing App Runner service (pathfinding.cloud apprunner-002)',
      files: {
        [at]: perms([
          'apprunner:UpdateService, apprunner:DescribeService',
          'arn:aws:apprunner:eu-west-1:123456789012:service/app/*',
        ]),
      },
      expect: [
        { line: 23, column: 21, messageId: 'escalation', message: /^privilege escalation: apprunner:UpdateService,/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [at]: elevation(IDENTITY, 'iam:CreatePolicyVersion', 'arn:aws:iam::123456789012:policy/app') },
      expect: [{ line: 33, column: 25, messageId: 'escalation', message: /iam:CreatePolicyVersion/ }],
    },
  ],
});
