// The AWS IAM privilege escalation list (THREATS.md list c1): actions that escalate on their own, and
// combinations that only escalate together. Each row names its source. Rows are matched against the
// action patterns as written (`iam:Put*`, `*`), case-insensitively, so an undocumented action that
// the IAM reference lacks (codestar:CreateProjectFromTemplate) is still caught through a wildcard.
//
// Sources:
//   Rhino  = Rhino Security Labs, https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation
//            (THREATS.md c1 table; "#n" is that table's row)
//   PL     = DataDog pathfinding-labs, https://github.com/DataDog/pathfinding-labs (README scenario id)
//   BF     = Bishop Fox iam-vulnerable, https://github.com/BishopFox/iam-vulnerable
//            (modules/free-resources/privesc-paths/<file>)
//   CS     = Cloudsplaining, https://github.com/salesforce/cloudsplaining, PRIVILEGE_ESCALATION_METHODS in
//            cloudsplaining/shared/constants.py (commit 126e05241dbc7ab07c1cf2c6f8fa6d65a5d86cd4); the method name
//   PM     = PMapper, https://github.com/nccgroup/PMapper, principalmapper/graphing/<service>_edges.py (the edge)
// docs/coverage.md maps every CS method and PM edge to the row that reports it, or says why none can.

export interface EscalationAction {
  /** `service:Action` as AWS writes it. */
  action: string;
  /** Why it escalates, short enough for a message. */
  why: string;
  /** Escalates only when granted on every resource (`*`): reading every secret, not one. */
  anyResource?: boolean;
  /**
   * The resource type the harm needs, when the action also acts on others: ec2:ModifyInstanceAttribute on a
   * security group changes no instance's user data.
   */
  target?: string;
}

export interface EscalationCombination {
  /** Each part is a list of alternatives; every part must be granted. */
  parts: readonly (readonly string[])[];
  why: string;
}

const PASS = ['iam:PassRole'];

export const ESCALATION_ACTIONS: readonly EscalationAction[] = [
  // Rhino #1; PL iam-001
  { action: 'iam:CreatePolicyVersion', why: 'a new default version of a managed policy can grant anything' },
  { action: 'iam:SetDefaultPolicyVersion', why: 'switches a managed policy to an older, broader version' }, // Rhino #2
  { action: 'iam:CreateAccessKey', why: 'mints access keys for another, stronger user' }, // Rhino #4; PL iam-002
  { action: 'iam:CreateLoginProfile', why: 'sets a console password on another user' }, // Rhino #5; PL iam-004
  { action: 'iam:UpdateLoginProfile', why: "changes another user's console password" }, // Rhino #6; PL iam-006
  { action: 'iam:AttachUserPolicy', why: 'attaches AdministratorAccess to a user' }, // Rhino #7; PL iam-008
  { action: 'iam:AttachGroupPolicy', why: 'attaches AdministratorAccess to a group' }, // Rhino #8; PL iam-010
  { action: 'iam:AttachRolePolicy', why: 'attaches AdministratorAccess to a role' }, // Rhino #9; PL iam-009
  { action: 'iam:PutUserPolicy', why: 'writes an inline admin policy on a user' }, // Rhino #10; PL iam-007
  { action: 'iam:PutGroupPolicy', why: 'writes an inline admin policy on a group' }, // Rhino #11; PL iam-011
  { action: 'iam:PutRolePolicy', why: 'writes an inline admin policy on a role' }, // Rhino #12; PL iam-005
  { action: 'iam:AddUserToGroup', why: 'joins an admin group' }, // Rhino #13; PL iam-013
  // Alone it lets a principal outside the account (whose own policy allows sts:AssumeRole) in.
  // Rhino #14; PL iam-012
  { action: 'iam:UpdateAssumeRolePolicy', why: "rewrites a role's trust policy to let an attacker assume it" },
  // Rhino #18; PL lambda-003
  { action: 'lambda:UpdateFunctionCode', why: "runs new code as an existing function's role" },
  // Rhino #26
  { action: 'lambda:UpdateFunctionConfiguration', why: 'adds a malicious layer to a function that runs as its role' },
  // Rhino #20; PL glue-002
  { action: 'glue:UpdateDevEndpoint', why: 'replaces the SSH key of a dev endpoint holding a role' },
  // Undocumented and absent from AWS's IAM reference: only a wildcard (or `*`) can grant it.
  // Rhino #23
  { action: 'codestar:CreateProjectFromTemplate', why: 'creates a project whose template roles can reach admin' },
  {
    action: 'sagemaker:CreatePresignedNotebookInstanceUrl',
    why: "opens an existing notebook and its role's credentials",
  }, // Rhino #28; PL sagemaker-004
  // Permissions boundaries cap a principal; removing or replacing the cap lifts it.
  // AWS: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  { action: 'iam:DeleteRolePermissionsBoundary', why: 'removes the permissions boundary that caps a role' },
  { action: 'iam:DeleteUserPermissionsBoundary', why: 'removes the permissions boundary that caps a user' },
  { action: 'iam:PutRolePermissionsBoundary', why: "replaces a role's permissions boundary with a wider one" },
  { action: 'iam:PutUserPermissionsBoundary', why: "replaces a user's permissions boundary with a wider one" },
  // "Additional commonly cited paths" of THREATS.md c1, each checked against a lab that reproduces it.
  // PL ssm-002; BF privesc-ssmSendCommand.tf
  { action: 'ssm:SendCommand', why: "runs commands on instances and reads their roles' credentials" },
  // PL ssm-001; BF privesc-ssmStartSession.tf
  { action: 'ssm:StartSession', why: "opens a shell on instances and reads their roles' credentials" },
  // PL cloudformation-002; BF privesc-cloudFormationUpdateStack.tf
  { action: 'cloudformation:UpdateStack', why: 'changes a stack that runs as its (often privileged) service role' },
  // A grant gives any principal, including the caller, use of a KMS key:
  // https://docs.aws.amazon.com/kms/latest/developerguide/grants.html
  { action: 'kms:CreateGrant', why: 'grants itself (or anyone) the use of a KMS key' },
  // Reading every secret or parameter exposes the credentials of other identities (THREATS.md c1, commonly cited).
  {
    action: 'secretsmanager:GetSecretValue',
    why: "reads every secret, including other identities' credentials",
    anyResource: true,
  },
  { action: 'ssm:GetParameter', why: 'reads every parameter, including stored credentials', anyResource: true },
  { action: 'ssm:GetParameters', why: 'reads every parameter, including stored credentials', anyResource: true },
  { action: 'ssm:GetParametersByPath', why: 'reads every parameter, including stored credentials', anyResource: true },
  {
    action: 'ssm:GetParameterHistory',
    why: "reads every parameter's past values, including stored credentials",
    anyResource: true,
  },
  // The rows below read an existing resource's role: the resource is account state a manifest cannot see,
  // so, like lambda:UpdateFunctionCode, the action is reported wherever it is granted.
  // CS ECSExecuteCommandOnRunningTask (with ecs:DescribeTasks, which only finds the task); PL ecs-006
  { action: 'ecs:ExecuteCommand', why: "opens a shell in a running task and reads its task role's credentials" },
  // CS EC2InstanceConnectSendSSHPublicKey (with ec2:DescribeInstances, which only finds the instance);
  // PL ec2instanceconnect-003
  {
    action: 'ec2-instance-connect:SendSSHPublicKey',
    why: "pushes an SSH key to an instance and reads its role's credentials",
  },
  // PM ec2_edges.py "can update EC2 user data"; CS ModifyEC2InstanceUserDataThenRestart (with
  // ec2:StopInstances + ec2:StartInstances, which only hasten the next boot); PL ec2-002
  {
    action: 'ec2:ModifyInstanceAttribute',
    why: "replaces an instance's user data, which runs as its role at boot",
    target: 'instance',
  },
  // A build may override the project's buildspec: PM codebuild_edges.py "with an existing project";
  // PL codebuild-002, codebuild-003
  { action: 'codebuild:StartBuild', why: "runs an overriding buildspec as an existing project's service role" },
  { action: 'codebuild:StartBuildBatch', why: "runs an overriding buildspec as an existing project's service role" },
  // PL apprunner-002 (in Cloudsplaining's research/pathfinding-cloud proposals, not yet a method)
  {
    action: 'apprunner:UpdateService',
    why: "deploys a new image or source that runs as an existing service's role",
    target: 'service',
  },
  // An existing launch configuration launches with its instance profile, no iam:PassRole asked:
  // PM autoscaling_edges.py "an existing Launch Configuration"
  {
    action: 'autoscaling:CreateAutoScalingGroup',
    why: "launches instances from an existing launch configuration, with its instance profile's role",
  },
];

export const ESCALATION_COMBINATIONS: readonly EscalationCombination[] = [
  // Rhino #3; PL ec2-001; CS CreateEC2WithExistingIP; PM ec2_edges.py "run an instance"
  { parts: [PASS, ['ec2:RunInstances']], why: 'launch an instance with a privileged profile and read its credentials' },
  // No trigger part: an event source (S3, EventBridge, SQS) or a schedule set up by anyone runs the function,
  // so CreateFunction with PassRole suffices (PM lambda_edges.py). CS PassExistingRoleToNewLambdaThenInvoke,
  // …ThenAddPermission, …ThenTriggerWithNewDynamo, …ThenTriggerWithExistingDynamo each add one trigger to
  // these two parts. Rhino #15-17; PL lambda-001, lambda-002, lambda-006
  { parts: [PASS, ['lambda:CreateFunction']], why: 'create a function that runs as the passed role' },
  // Rhino #19; PL glue-001; CS PassExistingRoleToNewGlueDevEndpoint; PM glue_edges.py
  { parts: [PASS, ['glue:CreateDevEndpoint']], why: 'SSH into a dev endpoint holding the passed role' },
  // Rhino #21; PL cloudformation-001; CS PassExistingRoleToCloudFormation; PM cloudformation_edges.py
  { parts: [PASS, ['cloudformation:CreateStack']], why: 'stack resources are created as the passed role' },
  // Rhino #22; PL iam-passrole+datapipeline; PM datapipeline_edges.py. CS PassExistingRoleToNewDataPipeline
  // names only PassRole + CreatePipeline, but a pipeline's roles are set by its definition
  // (PutPipelineDefinition), which Rhino and PMapper require too: without one the pipeline runs nothing.
  {
    parts: [PASS, ['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition']],
    why: 'a pipeline runs commands as the passed role',
  },
  { parts: [['codestar:CreateProject'], PASS], why: 'the default CodeStar role can reach admin' }, // Rhino #24
  {
    parts: [['codestar:CreateProject'], ['codestar:AssociateTeamMember']],
    why: 'the project owner policy gets attached to the caller',
  }, // Rhino #25
  // The notebook's lifecycle script (or the job's container) runs as the passed role without a presigned URL:
  // CS PassExistingRoleToNewSageMakerNotebookInstance, …TrainingJob, …ProcessingJob; PM sagemaker_edges.py.
  // Rhino #27 adds CreatePresignedNotebookInstanceUrl; PL sagemaker-001, sagemaker-002, sagemaker-003
  {
    parts: [PASS, ['sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']],
    why: 'a notebook or job runs its code as the passed role',
  },
  // CS UpdateSageMakerNotebookLifecycleConfig; PL sagemaker-005
  {
    parts: [
      ['sagemaker:CreateNotebookInstanceLifecycleConfig'],
      ['sagemaker:StopNotebookInstance'],
      ['sagemaker:UpdateNotebookInstance'],
      ['sagemaker:StartNotebookInstance'],
    ],
    why: "a new lifecycle script runs as an existing notebook's role when it restarts",
  },
  {
    parts: [['iam:UpdateAssumeRolePolicy'], ['sts:AssumeRole']],
    why: "rewrite a role's trust to yourself, then assume it",
  }, // Rhino #14; PL iam-012
  // THREATS.md c1 (commonly cited): a role created with the caller in its trust, passed to a service.
  { parts: [['iam:CreateRole'], PASS], why: 'create a role and hand it to a service that runs code' },
  // PL ecs-004, ecs-008; CS PassExistingRoleToNewECSTaskViaRunTask, PassExistingRoleToNewECSClusterRunTask (each
  // adds parts to these two); PM ecs_edges.py
  { parts: [PASS, ['ecs:RunTask']], why: 'run a task with its task role overridden to the passed role' },
  {
    parts: [PASS, ['ecs:RegisterTaskDefinition'], ['ecs:StartTask', 'ecs:CreateService']],
    why: 'register a task definition with the passed role and start it',
  }, // PL ecs-001, ecs-003, ecs-005; CS PassExistingRoleToNewECSService, …ECSTaskViaStartTask, …ECSClusterServiceTask
  // CS PassExistingRoleToNewCodeBuildProjectThenBuild(Batch); PM codebuild_edges.py (create or update a
  // project); PL codebuild-001, codebuild-004; BF privesc-codeBuildCreateProjectPassRole.tf
  {
    parts: [
      PASS,
      ['codebuild:CreateProject', 'codebuild:UpdateProject'],
      ['codebuild:StartBuild', 'codebuild:StartBuildBatch'],
    ],
    why: 'a build runs its buildspec as the passed role',
  },
  // CS PassExistingRoleToNewEC2SpotInstance; PL ec2-003
  {
    parts: [PASS, ['ec2:RequestSpotInstances']],
    why: 'request a spot instance with a privileged profile and read its credentials',
  },
  // PM ec2_edges.py "run an instance and then associate an existing instance profile": the instance may
  // already be one the caller controls, so launching one is not required.
  {
    parts: [PASS, ['ec2:AssociateIamInstanceProfile', 'ec2:ReplaceIamInstanceProfileAssociation']],
    why: "put the passed role's profile on an instance and read its credentials",
  },
  // PM autoscaling_edges.py "create a launch configuration"
  {
    parts: [PASS, ['autoscaling:CreateLaunchConfiguration'], ['autoscaling:CreateAutoScalingGroup']],
    why: 'instances launched from a new launch configuration hold the passed role',
  },
  // CS ModifyExistingEC2LaunchTemplate; PL ec2-004: an Auto Scaling group or fleet on the template launches
  // the new version, with whatever profile and user data it names.
  {
    parts: [['ec2:CreateLaunchTemplateVersion'], ['ec2:ModifyLaunchTemplate']],
    why: 'a new default launch template version runs its user data as the profile it names',
  },
  // CS ExecuteCloudFormationChangeSet; PM cloudformation_edges.py "create and execute a changeset"; PL
  // cloudformation-005: the change set runs as the stack's existing service role.
  {
    parts: [['cloudformation:CreateChangeSet'], ['cloudformation:ExecuteChangeSet']],
    why: "a change set on an existing stack runs as the stack's service role",
  },
  // CS PassExistingRoleToNewCloudFormationStackSet; PL cloudformation-003
  {
    parts: [PASS, ['cloudformation:CreateStackSet'], ['cloudformation:CreateStackInstances']],
    why: 'stack instances are deployed through the passed administration role',
  },
  // CS PassRoleToUpdateCloudFormationStackSet; PL cloudformation-004
  {
    parts: [PASS, ['cloudformation:UpdateStackSet']],
    why: 'a stack set update deploys its template through the passed administration role',
  },
  // CS PassExistingRoleToNewGlueJobThenRun, …ViaTrigger, PassExistingRoleToUpdatedGlueJobThenRun, …ViaTrigger;
  // PL glue-003 to glue-006
  {
    parts: [PASS, ['glue:CreateJob', 'glue:UpdateJob'], ['glue:StartJobRun', 'glue:CreateTrigger']],
    why: 'a Glue job runs its script as the passed role',
  },
  // CS PassExistingRoleToNewAppRunnerService; PL apprunner-001
  { parts: [PASS, ['apprunner:CreateService']], why: 'an App Runner service runs its image as the passed role' },
  // CS AccessExistingBedrockCodeInterpreterSession; PL bedrock-002. CS
  // PassExistingRoleToNewBedrockCodeInterpreter (PL bedrock-001) adds PassRole + CreateCodeInterpreter to
  // these two parts, so this row reports it too.
  {
    parts: [['bedrock-agentcore:StartCodeInterpreterSession'], ['bedrock-agentcore:InvokeCodeInterpreter']],
    why: "code run in a Bedrock AgentCore code interpreter acts as the interpreter's execution role",
  },
];

export const COMBINATION_ACTIONS = [...new Set(ESCALATION_COMBINATIONS.flatMap((c) => c.parts.flat()))];

/** The services of every escalation row: what `*` needs loaded to be judged per resource. */
export const ESCALATION_SERVICES: readonly string[] = [
  ...new Set(
    [...ESCALATION_ACTIONS.map((e) => e.action), ...COMBINATION_ACTIONS].map((a) =>
      a.slice(0, a.indexOf(':')).toLowerCase(),
    ),
  ),
].sort();
