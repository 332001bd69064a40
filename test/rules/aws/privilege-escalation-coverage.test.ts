// Every privilege-escalation method of Cloudsplaining and every PMapper edge, granted on "*", gives a finding of
// aws/privilege-escalation or aws/privilege-escalation-combination naming one of its actions, and each one has
// its row in docs/coverage.md. The lists are the tools' own (docs/coverage.md names file and commit):
// Cloudsplaining PRIVILEGE_ESCALATION_METHODS in cloudsplaining/shared/constants.py, PMapper's
// principalmapper/graphing/*_edges.py (edge actions as each checker tests them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../harness.js';
import { at, perms } from './fixture.js';

const RULES = new Set(['aws/privilege-escalation', 'aws/privilege-escalation-combination']);
const PASS = 'iam:PassRole';

const CLOUDSPLAINING: Record<string, string[]> = {
  CreateAccessKey: ['iam:CreateAccessKey'],
  CreateLoginProfile: ['iam:CreateLoginProfile'],
  UpdateLoginProfile: ['iam:UpdateLoginProfile'],
  AddUserToGroup: ['iam:AddUserToGroup'],
  CreateNewPolicyVersion: ['iam:CreatePolicyVersion'],
  SetExistingDefaultPolicyVersion: ['iam:SetDefaultPolicyVersion'],
  AttachUserPolicy: ['iam:AttachUserPolicy'],
  AttachGroupPolicy: ['iam:AttachGroupPolicy'],
  AttachRolePolicy: ['iam:AttachRolePolicy'],
  PutUserPolicy: ['iam:PutUserPolicy'],
  PutGroupPolicy: ['iam:PutGroupPolicy'],
  PutRolePolicy: ['iam:PutRolePolicy'],
  UpdateRolePolicyToAssumeIt: ['iam:UpdateAssumeRolePolicy'],
  CreateEC2WithExistingIP: [PASS, 'ec2:RunInstances'],
  PassExistingRoleToNewLambdaThenInvoke: [PASS, 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  PassExistingRoleToNewLambdaThenTriggerWithNewDynamo: [
    PASS,
    'lambda:CreateFunction',
    'lambda:CreateEventSourceMapping',
    'dynamodb:CreateTable',
    'dynamodb:PutItem',
  ],
  PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo: [
    PASS,
    'lambda:CreateFunction',
    'lambda:CreateEventSourceMapping',
  ],
  PassExistingRoleToNewGlueDevEndpoint: [PASS, 'glue:CreateDevEndpoint'],
  PassExistingRoleToCloudFormation: [PASS, 'cloudformation:CreateStack'],
  // The one documented difference: see NOT_ALONE.
  PassExistingRoleToNewDataPipeline: [PASS, 'datapipeline:CreatePipeline'],
  UpdateExistingGlueDevEndpoint: ['glue:UpdateDevEndpoint'],
  EditExistingLambdaFunctionWithRole: ['lambda:UpdateFunctionCode'],
  AccessExistingBedrockCodeInterpreterSession: [
    'bedrock-agentcore:StartCodeInterpreterSession',
    'bedrock-agentcore:InvokeCodeInterpreter',
  ],
  ExecuteCloudFormationChangeSet: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'],
  ModifyEC2InstanceUserDataThenRestart: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
  ModifyExistingEC2LaunchTemplate: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
  EC2InstanceConnectSendSSHPublicKey: ['ec2-instance-connect:SendSSHPublicKey', 'ec2:DescribeInstances'],
  ECSExecuteCommandOnRunningTask: ['ecs:ExecuteCommand', 'ecs:DescribeTasks'],
  UpdateAndInvokeLambdaFunction: ['lambda:UpdateFunctionCode', 'lambda:InvokeFunction'],
  UpdateLambdaFunctionAndAddPermission: ['lambda:UpdateFunctionCode', 'lambda:AddPermission'],
  CreatePresignedSageMakerNotebookUrl: ['sagemaker:CreatePresignedNotebookInstanceUrl'],
  UpdateSageMakerNotebookLifecycleConfig: [
    'sagemaker:CreateNotebookInstanceLifecycleConfig',
    'sagemaker:StopNotebookInstance',
    'sagemaker:UpdateNotebookInstance',
    'sagemaker:StartNotebookInstance',
  ],
  PassExistingRoleToNewAppRunnerService: [PASS, 'apprunner:CreateService'],
  PassExistingRoleToNewBedrockCodeInterpreter: [
    PASS,
    'bedrock-agentcore:CreateCodeInterpreter',
    'bedrock-agentcore:StartCodeInterpreterSession',
    'bedrock-agentcore:InvokeCodeInterpreter',
  ],
  PassExistingRoleToNewCloudFormationStackSet: [
    PASS,
    'cloudformation:CreateStackSet',
    'cloudformation:CreateStackInstances',
  ],
  PassRoleToUpdateCloudFormationStackSet: [PASS, 'cloudformation:UpdateStackSet'],
  PassExistingRoleToNewCodeBuildProjectThenBuild: [PASS, 'codebuild:CreateProject', 'codebuild:StartBuild'],
  PassExistingRoleToNewCodeBuildProjectThenBuildBatch: [PASS, 'codebuild:CreateProject', 'codebuild:StartBuildBatch'],
  PassExistingRoleToNewEC2SpotInstance: [PASS, 'ec2:RequestSpotInstances'],
  PassExistingRoleToNewECSClusterServiceTask: [
    PASS,
    'ecs:CreateCluster',
    'ecs:RegisterTaskDefinition',
    'ecs:CreateService',
  ],
  PassExistingRoleToNewECSClusterRunTask: [PASS, 'ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
  PassExistingRoleToNewECSService: [PASS, 'ecs:RegisterTaskDefinition', 'ecs:CreateService'],
  PassExistingRoleToNewECSTaskViaRunTask: [PASS, 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
  PassExistingRoleToNewECSTaskViaStartTask: [PASS, 'ecs:RegisterTaskDefinition', 'ecs:StartTask'],
  PassExistingRoleToNewGlueJobThenRun: [PASS, 'glue:CreateJob', 'glue:StartJobRun'],
  PassExistingRoleToNewGlueJobViaTrigger: [PASS, 'glue:CreateJob', 'glue:CreateTrigger'],
  PassExistingRoleToUpdatedGlueJobThenRun: [PASS, 'glue:UpdateJob', 'glue:StartJobRun'],
  PassExistingRoleToUpdatedGlueJobViaTrigger: [PASS, 'glue:UpdateJob', 'glue:CreateTrigger'],
  PassExistingRoleToNewLambdaThenAddPermission: [PASS, 'lambda:CreateFunction', 'lambda:AddPermission'],
  PassExistingRoleToNewSageMakerNotebookInstance: [PASS, 'sagemaker:CreateNotebookInstance'],
  PassExistingRoleToNewSageMakerTrainingJob: [PASS, 'sagemaker:CreateTrainingJob'],
  PassExistingRoleToNewSageMakerProcessingJob: [PASS, 'sagemaker:CreateProcessingJob'],
  CreateAndRotateAccessKey: ['iam:CreateAccessKey', 'iam:DeleteAccessKey'],
  AttachUserPolicyThenCreateAccessKey: ['iam:AttachUserPolicy', 'iam:CreateAccessKey'],
  CreatePolicyVersionThenAssumeRole: ['iam:CreatePolicyVersion', 'sts:AssumeRole'],
  PutUserPolicyThenCreateAccessKey: ['iam:PutUserPolicy', 'iam:CreateAccessKey'],
  AttachRolePolicyThenUpdateAssumeRolePolicy: ['iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy'],
  CreatePolicyVersionThenUpdateAssumeRolePolicy: ['iam:CreatePolicyVersion', 'iam:UpdateAssumeRolePolicy'],
  PutRolePolicyThenUpdateAssumeRolePolicy: ['iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy'],
};

// Methods idac reports only with one more action, which docs/coverage.md gives the reason for.
const NOT_ALONE: Record<string, string> = { PassExistingRoleToNewDataPipeline: 'datapipeline:PutPipelineDefinition' };

// PMapper edges a manifest can express as permissions (checker: edge → actions). The sts and cross-account
// AssumeRole edges are aws/assume-role-any's (docs/coverage.md).
const PMAPPER: Record<string, string[]> = {
  'autoscaling: existing launch configuration': ['autoscaling:CreateAutoScalingGroup'],
  'autoscaling: new launch configuration': [
    PASS,
    'autoscaling:CreateLaunchConfiguration',
    'autoscaling:CreateAutoScalingGroup',
  ],
  'cloudformation: create a stack': [PASS, 'cloudformation:CreateStack'],
  'cloudformation: update a stack': ['cloudformation:UpdateStack'],
  'cloudformation: update a stack passing the role': [PASS, 'cloudformation:UpdateStack'],
  'cloudformation: create and execute a change set': [
    'cloudformation:CreateChangeSet',
    'cloudformation:ExecuteChangeSet',
  ],
  'codebuild: existing project (StartBuild)': ['codebuild:StartBuild'],
  'codebuild: existing project (StartBuildBatch)': ['codebuild:StartBuildBatch'],
  'codebuild: create a project': [PASS, 'codebuild:CreateProject', 'codebuild:StartBuild'],
  'codebuild: update a project': [PASS, 'codebuild:UpdateProject', 'codebuild:StartBuildBatch'],
  'datapipeline: pipeline with a role': [PASS, 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
  'ec2: update user data': ['ec2:ModifyInstanceAttribute'],
  'ec2: run an instance with a profile': [PASS, 'ec2:RunInstances'],
  'ec2: run an instance, then associate a profile': [PASS, 'ec2:RunInstances', 'ec2:AssociateIamInstanceProfile'],
  'ecs: run a task': [PASS, 'ecs:RunTask'],
  'glue: existing dev endpoint': ['glue:UpdateDevEndpoint'],
  'glue: create a dev endpoint': [PASS, 'glue:CreateDevEndpoint'],
  'iam: create access keys': ['iam:CreateAccessKey'],
  'iam: set the password (create)': ['iam:CreateLoginProfile'],
  'iam: set the password (update)': ['iam:UpdateLoginProfile'],
  'iam: update the trust document': ['iam:UpdateAssumeRolePolicy'],
  'lambda: create a function': [PASS, 'lambda:CreateFunction'],
  'lambda: edit an existing function': ['lambda:UpdateFunctionCode'],
  'lambda: edit an existing function and its role': [
    PASS,
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
  ],
  'sagemaker: launch a notebook': [PASS, 'sagemaker:CreateNotebookInstance'],
  'sagemaker: create a training job': [PASS, 'sagemaker:CreateTrainingJob'],
  'sagemaker: create a processing job': [PASS, 'sagemaker:CreateProcessingJob'],
  'ssm: send a command': ['ssm:SendCommand'],
  'ssm: start a session': ['ssm:StartSession'],
};

/** The escalation findings for an identity granted each action (one permission per action) on "*". */
async function findingsFor(actions: readonly string[]): Promise<string[]> {
  const findings = await run({ files: { [at]: perms(...actions.map((a): [string, string] => [a, '"*"'])) } });
  return findings.filter((f) => RULES.has(f.rule)).map((f) => f.message);
}

const mentions = (messages: readonly string[], actions: readonly string[]): boolean =>
  messages.some((m) => actions.some((a) => m.toLowerCase().includes(a.toLowerCase())));

describe('Cloudsplaining privilege-escalation methods', () => {
  it.each(Object.entries(CLOUDSPLAINING))('%s is reported', async (name, actions) => {
    const extra = NOT_ALONE[name];
    const messages = await findingsFor(extra ? [...actions, extra] : actions);
    expect(mentions(messages, actions), messages.join('\n')).toBe(true);
  });

  it.each(Object.entries(NOT_ALONE))('%s alone is not reported (needs %s)', async (name) => {
    expect(await findingsFor(CLOUDSPLAINING[name]!)).toEqual([]);
  });
});

describe('PMapper edges', () => {
  it.each(Object.entries(PMAPPER))('%s is reported', async (_name, actions) => {
    const messages = await findingsFor(actions);
    expect(mentions(messages, actions), messages.join('\n')).toBe(true);
  });
});

describe('docs/coverage.md', () => {
  const doc = readFileSync(new URL('../../../docs/coverage.md', import.meta.url), 'utf8');
  const section = (title: string): string => {
    const start = doc.indexOf(`## ${title}\n`);
    const end = doc.indexOf('\n## ', start + 1);
    return start < 0 ? '' : doc.slice(start, end < 0 ? undefined : end);
  };

  it('lists every Cloudsplaining method, and only those', () => {
    const rows = [...section('Cloudsplaining: privilege escalation').matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(CLOUDSPLAINING).sort());
  });

  it('has rows for every PMapper checker, each naming a rule or a reason', () => {
    const rows = section('PMapper: edges')
      .split('\n')
      .filter((l) => /^\| [a-z][a-z0-9-]* \| /.test(l));
    const checkers = new Set(rows.map((r) => r.split('|')[1]!.trim()));
    const tested = new Set(Object.keys(PMAPPER).map((k) => k.slice(0, k.indexOf(':'))));
    expect([...checkers].sort()).toEqual([...tested, 'sts', 'cross-account'].sort());
    for (const r of rows) expect(r.split('|').at(-2)!.trim()).not.toBe('');
  });
});
