// The field's exposure lists, as their tools publish them: actions that read data out of the account
// (data exfiltration), actions whose answer is a credential (credentials exposure), and Parliament's
// bucket-policy pairs (resource-policy privilege escalation). Each row names its source. Which idac
// rule reports a row is decided in ./aws-exposure.ts from the row and the IAM reference (its access
// level, whether it can be scoped), so that no grant is reported twice; docs/coverage.md lists the
// outcome per row.
//
// Sources (read 2026-12-02):
//   CS-data  = Cloudsplaining, cloudsplaining/shared/constants.py READ_ONLY_DATA_EXFILTRATION_ACTIONS
//              https://github.com/salesforce/cloudsplaining/blob/master/cloudsplaining/shared/constants.py
//   CS-risk  = the same file, RISK_DEFINITION["DataExfiltration"] (the report's text names two RDS actions)
//   CS-creds = the same file, ACTIONS_THAT_RETURN_CREDENTIALS (from
//              https://gist.github.com/kmcquade/33860a617e651104d243c324ddf7992a)
//   P-creds  = Parliament, parliament/community_auditors/credentials_exposure.py CREDENTIALS_EXPOSURE_ACTIONS
//              https://github.com/duo-labs/parliament/blob/main/parliament/community_auditors/credentials_exposure.py
//   P-policy = Parliament, parliament/policy.py Policy.check_for_bad_patterns (RESOURCE_POLICY_PRIVILEGE_ESCALATION)
//              https://github.com/duo-labs/parliament/blob/main/parliament/policy.py
//   idac     = added here, with the reason in the row's comment

export type ExposureSource = 'CS-data' | 'CS-risk' | 'CS-creds' | 'P-creds' | 'P-policy' | 'idac';

export interface ExposureAction {
  /** `service:Action` as AWS's IAM reference writes it. */
  action: string;
  sources: readonly ExposureSource[];
  /** The name as the source list spells it, where that is no IAM action (a typo in the list). */
  listedAs?: string;
  /** Set when AWS's IAM reference has no such action: a manifest naming it is an aws/unknown-action error. */
  absent?: string;
}

/** Read-only actions that copy data out of a store: judged on `*` only (one named bucket or secret is the point). */
export const DATA_READ_ACTIONS: readonly ExposureAction[] = [
  { action: 's3:GetObject', sources: ['CS-data'] },
  // The same object data as s3:GetObject, from a noncurrent version: scoping one and not the other is no scope.
  { action: 's3:GetObjectVersion', sources: ['idac'] },
  { action: 'ssm:GetParameter', sources: ['CS-data'] },
  { action: 'ssm:GetParameters', sources: ['CS-data'] },
  { action: 'ssm:GetParametersByPath', sources: ['CS-data'] },
  { action: 'secretsmanager:GetSecretValue', sources: ['CS-data'] },
  { action: 'rds:CopyDBSnapshot', sources: ['CS-risk'] },
  { action: 'rds:CreateDBSnapshot', sources: ['CS-risk'] },
];

/** Actions whose response carries a credential (a key, token, password or temporary session). */
export const CREDENTIALS_ACTIONS: readonly ExposureAction[] = [
  { action: 'airflow:CreateCliToken', sources: ['CS-creds'] },
  { action: 'airflow:CreateWebLoginToken', sources: ['CS-creds'] },
  { action: 'appsync:CreateApiKey', sources: ['CS-creds'] },
  { action: 'chime:CreateApiKey', sources: ['CS-creds'] },
  { action: 'cloud9:CreateEnvironmentToken', sources: ['CS-creds'] },
  { action: 'codeartifact:GetAuthorizationToken', sources: ['CS-creds'] },
  { action: 'codepipeline:PollForJobs', sources: ['CS-creds', 'P-creds'] },
  { action: 'cognito-identity:GetOpenIdToken', sources: ['CS-creds', 'P-creds'] },
  { action: 'cognito-identity:GetOpenIdTokenForDeveloperIdentity', sources: ['CS-creds', 'P-creds'] },
  { action: 'cognito-identity:GetCredentialsForIdentity', sources: ['CS-creds', 'P-creds'] },
  { action: 'cognito-idp:AssociateSoftwareToken', sources: ['P-creds'] },
  { action: 'cognito-idp:GetSigningCertificate', sources: ['CS-creds'] },
  { action: 'connect:GetFederationToken', sources: ['CS-creds', 'P-creds'] },
  {
    action: 'connect:GetFederationTokens',
    sources: ['CS-creds', 'P-creds'],
    absent: 'no such action; connect:GetFederationToken is the one that exists',
  },
  { action: 'ec2:GetPasswordData', sources: ['CS-creds'] },
  { action: 'ecr:GetAuthorizationToken', sources: ['CS-creds', 'P-creds'] },
  { action: 'ecr-public:GetAuthorizationToken', sources: ['CS-creds'] },
  { action: 'emr-containers:GetManagedEndpointSessionCredentials', sources: ['CS-creds'] },
  { action: 'finspace-api:GetProgrammaticAccessCredentials', sources: ['CS-creds'] },
  { action: 'gamelift:RequestUploadCredentials', sources: ['CS-creds', 'P-creds'] },
  { action: 'gamelift:GetInstanceAccess', sources: ['CS-creds'] },
  { action: 'gamelift:GetComputeAccess', sources: ['CS-creds'], listedAs: 'gamelist:getcomputeaccess' },
  { action: 'gamelift:GetComputeAuthToken', sources: ['CS-creds'], listedAs: 'gamelist:getcomputeauthtoken' },
  { action: 'grafana:CreateWorkspaceApiKey', sources: ['CS-creds'] },
  { action: 'iam:CreateAccessKey', sources: ['CS-creds', 'P-creds'] },
  { action: 'iam:CreateLoginProfile', sources: ['CS-creds', 'P-creds'] },
  { action: 'iam:CreateServiceSpecificCredential', sources: ['CS-creds', 'P-creds'] },
  { action: 'iam:ResetServiceSpecificCredential', sources: ['CS-creds', 'P-creds'] },
  { action: 'iam:UpdateAccessKey', sources: ['CS-creds', 'P-creds'] },
  {
    action: 'iot:AssumeRoleWithCertificate',
    sources: ['P-creds'],
    absent: 'not an IAM action: the IoT credentials provider authorizes by certificate and role alias',
  },
  { action: 'license-manager:GetAccessToken', sources: ['CS-creds'] },
  { action: 'lightsail:GetInstanceAccessDetails', sources: ['CS-creds', 'P-creds'] },
  { action: 'lightsail:DownloadDefaultKeyPair', sources: ['CS-creds'] },
  { action: 'lightsail:CreateBucketAccessKey', sources: ['CS-creds'] },
  { action: 'lightsail:GetRelationalDatabaseMasterUserPassword', sources: ['CS-creds', 'P-creds'] },
  { action: 'mediapackage:RotateChannelCredentials', sources: ['CS-creds'] },
  { action: 'mediapackage:RotateIngestEndpointCredentials', sources: ['CS-creds', 'P-creds'] },
  { action: 'rds-db:connect', sources: ['CS-creds', 'P-creds'] },
  { action: 'redshift:GetClusterCredentials', sources: ['CS-creds', 'P-creds'] },
  { action: 'redshift:GetClusterCredentialsWithIAM', sources: ['CS-creds'] },
  { action: 'redshift-serverless:GetCredentials', sources: ['CS-creds'] },
  {
    action: 'sso:GetRoleCredentials',
    sources: ['CS-creds', 'P-creds'],
    absent: 'not an IAM action: the IAM Identity Center portal API authorizes by the user access token',
  },
  { action: 'sts:AssumeRole', sources: ['CS-creds', 'P-creds'] },
  { action: 'sts:AssumeRoleWithSAML', sources: ['CS-creds', 'P-creds'] },
  { action: 'sts:AssumeRoleWithWebIdentity', sources: ['CS-creds', 'P-creds'] },
  { action: 'sts:GetFederationToken', sources: ['CS-creds', 'P-creds'] },
  { action: 'sts:GetSessionToken', sources: ['CS-creds', 'P-creds'] },
];

/**
 * Parliament's resource-policy privilege escalation: a bucket-level action that rewrites who may do
 * what on the bucket's objects, paired with each object action it can hand out.
 */
export interface ResourcePolicyPair {
  /** Bucket-level action (s3:PutBucketPolicy). */
  bucketAction: string;
  /** The object action it can grant to itself or to anyone (s3:GetObject). */
  objectAction: string;
  sources: readonly ExposureSource[];
}

export const RESOURCE_POLICY_PAIRS: readonly ResourcePolicyPair[] = [
  { bucketAction: 's3:PutBucketPolicy', objectAction: 's3:PutObject', sources: ['P-policy'] },
  { bucketAction: 's3:PutBucketPolicy', objectAction: 's3:GetObject', sources: ['P-policy'] },
  { bucketAction: 's3:PutBucketPolicy', objectAction: 's3:DeleteObject', sources: ['P-policy'] },
  { bucketAction: 's3:PutBucketAcl', objectAction: 's3:PutObject', sources: ['P-policy'] },
  { bucketAction: 's3:PutBucketAcl', objectAction: 's3:GetObject', sources: ['P-policy'] },
  { bucketAction: 's3:PutBucketAcl', objectAction: 's3:DeleteObject', sources: ['P-policy'] },
  // An expiration rule deletes every object it matches: deletion without s3:DeleteObject.
  { bucketAction: 's3:PutLifecycleConfiguration', objectAction: 's3:DeleteObject', sources: ['P-policy'] },
];
