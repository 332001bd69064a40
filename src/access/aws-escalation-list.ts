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

export interface EscalationAction {
  /** `service:Action` as AWS writes it. */
  action: string;
  /** Why it escalates, short enough for a message. */
  why: string;
  /** Escalates only when granted on every resource (`*`): reading every secret, not one. */
  anyResource?: boolean;
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
];

export const ESCALATION_COMBINATIONS: readonly EscalationCombination[] = [
  // Rhino #3; PL ec2-001
  { parts: [PASS, ['ec2:RunInstances']], why: 'launch an instance with a privileged profile and read its credentials' },
  {
    parts: [
      PASS,
      ['lambda:CreateFunction'],
      ['lambda:InvokeFunction', 'lambda:AddPermission', 'lambda:CreateEventSourceMapping'],
    ],
    why: 'create a function that runs as the passed role and trigger it',
  }, // Rhino #15-17; PL lambda-001, lambda-002, lambda-006
  // Rhino #19; PL glue-001
  { parts: [PASS, ['glue:CreateDevEndpoint']], why: 'SSH into a dev endpoint holding the passed role' },
  // Rhino #21; PL cloudformation-001
  { parts: [PASS, ['cloudformation:CreateStack']], why: 'stack resources are created as the passed role' },
  {
    parts: [PASS, ['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition']],
    why: 'a pipeline runs commands as the passed role',
  }, // Rhino #22; PL iam-passrole+datapipeline
  { parts: [['codestar:CreateProject'], PASS], why: 'the default CodeStar role can reach admin' }, // Rhino #24
  {
    parts: [['codestar:CreateProject'], ['codestar:AssociateTeamMember']],
    why: 'the project owner policy gets attached to the caller',
  }, // Rhino #25
  {
    parts: [['sagemaker:CreateNotebookInstance'], ['sagemaker:CreatePresignedNotebookInstanceUrl'], PASS],
    why: 'open a notebook that holds the passed role',
  }, // Rhino #27; PL sagemaker-001
  {
    parts: [['iam:UpdateAssumeRolePolicy'], ['sts:AssumeRole']],
    why: "rewrite a role's trust to yourself, then assume it",
  }, // Rhino #14; PL iam-012
  // THREATS.md c1 (commonly cited): a role created with the caller in its trust, passed to a service.
  { parts: [['iam:CreateRole'], PASS], why: 'create a role and hand it to a service that runs code' },
  { parts: [PASS, ['ecs:RunTask']], why: 'run a task with its task role overridden to the passed role' }, // PL ecs-008
  {
    parts: [PASS, ['ecs:RegisterTaskDefinition'], ['ecs:StartTask', 'ecs:CreateService']],
    why: 'register a task definition with the passed role and start it',
  }, // PL ecs-003, ecs-005
  {
    parts: [PASS, ['codebuild:CreateProject'], ['codebuild:StartBuild', 'codebuild:StartBuildBatch']],
    why: 'a build runs its buildspec as the passed role',
  }, // PL codebuild-001, codebuild-004; BF privesc-codeBuildCreateProjectPassRole.tf
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
