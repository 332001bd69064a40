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
    { name: 'two of three parts', files: { [at]: perms(['iam:PassRole, glue:CreateJob', '"*"']) } },
    {
      name: 'a pipeline without a definition runs nothing (Cloudsplaining reports it; see docs/coverage.md)',
      files: { [at]: perms(['iam:PassRole, datapipeline:CreatePipeline', '"*"']) },
    },
    {
      name: 'reading change sets and stacks',
      files: {
        [at]: perms([
          'cloudformation:DescribeChangeSet, cloudformation:ListChangeSets, cloudformation:Describe*',
          '"*"',
        ]),
      },
    },
    {
      name: 'a change set created, never executed',
      files: { [at]: perms(['cloudformation:CreateChangeSet, cloudformation:DescribeChangeSet', '"*"']) },
    },
    {
      name: 'a launch template version that is never made the default',
      files: { [at]: perms(['ec2:CreateLaunchTemplateVersion, ec2:DescribeLaunchTemplateVersions', '"*"']) },
    },
    {
      name: 'a code interpreter session read, not invoked',
      files: {
        [at]: perms([
          'bedrock-agentcore:StartCodeInterpreterSession, bedrock-agentcore:GetCodeInterpreterSession',
          '"*"',
        ]),
      },
    },
    {
      name: 'a new lifecycle script without a restart',
      files: {
        [at]: perms([
          'sagemaker:CreateNotebookInstanceLifecycleConfig, sagemaker:UpdateNotebookInstance, sagemaker:Describe*',
          '"*"',
        ]),
      },
    },
    {
      name: 'lambda:GetFunction and iam:PassRole',
      files: { [at]: perms(['iam:PassRole', ROLE], ['lambda:GetFunction, lambda:ListFunctions', '"*"']) },
    },
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
            String.raw`iam:PassRole \+ lambda:CreateFunction \(.*\): iam:PassRole through ` +
              String.raw`"iam:Pass\*" at spec\.access\.aws\.permissions\[2\]\.actions\[0\]; ` +
              String.raw`lambda:CreateFunction at spec\.access\.aws\.permissions\[0\]\.actions\[0\]$`,
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
      name: 'PassRole + CreateFunction without a trigger: an event source runs it (PMapper Lambda edge)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['lambda:CreateFunction', FN]) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /^privilege escalation in combination: iam:PassRole \+ lambda:CreateFunction \(create a function/,
        },
      ],
    },
    {
      name: 'a profile put on a running instance (PMapper EC2 edge)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['ec2:ReplaceIamInstanceProfileAssociation', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /iam:PassRole \+ ec2:ReplaceIamInstanceProfileAssociation \(put the passed role/,
        },
      ],
    },
    {
      name: 'a spot instance (Cloudsplaining PassExistingRoleToNewEC2SpotInstance)',
      files: { [at]: perms(['iam:PassRole, ec2:RequestSpotInstances', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ ec2:RequestSpotInstances/ }],
    },
    {
      name: 'a change set on an existing stack (Cloudsplaining ExecuteCloudFormationChangeSet)',
      files: {
        [at]: perms([
          'cloudformation:CreateChangeSet, cloudformation:ExecuteChangeSet',
          'arn:aws:cloudformation:eu-west-1:123456789012:stack/app/*',
        ]),
      },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message:
            /cloudformation:CreateChangeSet \+ cloudformation:ExecuteChangeSet \(a change set on an existing stack/,
        },
      ],
    },
    {
      name: 'a new default launch template version (Cloudsplaining ModifyExistingEC2LaunchTemplate)',
      files: { [at]: perms(['ec2:CreateLaunchTemplateVersion, ec2:ModifyLaunchTemplate', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /ec2:CreateLaunchTemplateVersion \+ ec2:ModifyLaunchTemplate/,
        },
      ],
    },
    {
      name: 'a stack set (Cloudsplaining PassExistingRoleToNewCloudFormationStackSet)',
      files: {
        [at]: perms(
          ['iam:PassRole', ROLE],
          ['cloudformation:CreateStackSet, cloudformation:CreateStackInstances', '"*"'],
        ),
      },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /iam:PassRole \+ cloudformation:CreateStackSet \+ cloudformation:CreateStackInstances/,
        },
      ],
    },
    {
      name: 'a stack set update (Cloudsplaining PassRoleToUpdateCloudFormationStackSet)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['cloudformation:UpdateStackSet', '"*"']) },
      expect: [
        { line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ cloudformation:UpdateStackSet/ },
      ],
    },
    {
      name: 'an updated Glue job run by a trigger (Cloudsplaining PassExistingRoleToUpdatedGlueJobViaTrigger)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['glue:UpdateJob, glue:CreateTrigger', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /iam:PassRole \+ glue:UpdateJob \+ glue:CreateTrigger \(a Glue job/,
        },
      ],
    },
    {
      name: 'a SageMaker training job (Cloudsplaining PassExistingRoleToNewSageMakerTrainingJob, PMapper)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['sagemaker:CreateTrainingJob', '"*"']) },
      expect: [
        { line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ sagemaker:CreateTrainingJob/ },
      ],
    },
    {
      name: 'a notebook alone, no presigned URL (Cloudsplaining PassExistingRoleToNewSageMakerNotebookInstance)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['sagemaker:CreateNotebookInstance', '"*"']) },
      expect: [
        { line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ sagemaker:CreateNotebookInstance/ },
      ],
    },
    {
      name: 'a notebook restarted with a new lifecycle script (Cloudsplaining UpdateSageMakerNotebookLifecycleConfig)',
      files: { [at]: perms(['sagemaker:CreateNotebookInstanceLifecycleConfig, sagemaker:*NotebookInstance', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: new RegExp(
            String.raw`sagemaker:CreateNotebookInstanceLifecycleConfig \+ sagemaker:StopNotebookInstance \+ ` +
              String.raw`sagemaker:UpdateNotebookInstance \+ sagemaker:StartNotebookInstance \(a new lifecycle`,
          ),
        },
      ],
    },
    {
      name: 'an App Runner service (Cloudsplaining PassExistingRoleToNewAppRunnerService)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['apprunner:CreateService', '"*"']) },
      expect: [{ line: 23, column: 21, messageId: 'combination', message: /iam:PassRole \+ apprunner:CreateService/ }],
    },
    {
      name: 'a Bedrock AgentCore code interpreter (Cloudsplaining AccessExistingBedrockCodeInterpreterSession)',
      files: {
        [at]: perms(['bedrock-agentcore:StartCodeInterpreterSession, bedrock-agentcore:InvokeCodeInterpreter', '"*"']),
      },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message:
            /bedrock-agentcore:StartCodeInterpreterSession \+ bedrock-agentcore:InvokeCodeInterpreter \(code run/,
        },
      ],
    },
    {
      name: 'an updated CodeBuild project (PMapper CodeBuild edge)',
      files: { [at]: perms(['iam:PassRole', ROLE], ['codebuild:UpdateProject, codebuild:StartBuildBatch', '"*"']) },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /iam:PassRole \+ codebuild:UpdateProject \+ codebuild:StartBuildBatch/,
        },
      ],
    },
    {
      name: 'a new launch configuration (PMapper AutoScaling edge)',
      files: {
        [at]: perms(
          ['iam:PassRole', ROLE],
          ['autoscaling:CreateLaunchConfiguration, autoscaling:CreateAutoScalingGroup', '"*"'],
        ),
      },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'combination',
          message: /iam:PassRole \+ autoscaling:CreateLaunchConfiguration \+ autoscaling:CreateAutoScalingGroup/,
        },
      ],
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
