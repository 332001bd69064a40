// The AWS service principals a manifest may trust (spec.access.aws.trust.service), and which
// confused-deputy keys each service puts in the request context when it assumes a customer's role.
// Compile pins aws:SourceAccount / aws:SourceArn only where the service sends them: a trust
// policy that requires a key the service never sends makes the role impossible to assume
// (prowler-cloud/prowler#2810 and #4714 record services where the pinned policy broke).
//
// AWS publishes no single list of which services send the keys (AWS Support, quoted in
// prowler#2810), so each row rests on that service's own guide, its "cross-service confused
// deputy prevention" page or the role's trust-policy example, read 2026-12-03. Where no guide
// shows the key in a role trust policy the row says false: the role stays assumable and the
// rules report the missing guard instead of compile silently breaking the role.
//
// Sources (abbreviated in the rows):
//   cdp  = the service guide's "Cross-service confused deputy prevention" page, showing the key in the
//          trust policy of a role the service assumes
//   role = the service guide's page creating the role, whose trust-policy example carries the key
//   none = no guide shows the key in a role trust policy (or a report shows a pinned trust failing)

export interface ServicePrincipal {
  /** The principal as a trust policy names it: `lambda.amazonaws.com`. */
  principal: string;
  /** The service's name, for messages: `AWS Lambda`. */
  service: string;
  /** The service sends aws:SourceAccount (the account of the resource acting) when it assumes the role. */
  sourceAccount: boolean;
  /** The service sends aws:SourceArn (the resource acting) when it assumes the role. */
  sourceArn: boolean;
  /** Instances reach the role through an instance profile, which compile creates alongside. */
  instanceProfile?: true;
}

/** By service name (a principal sits next to its service's other principals); servicePrincipal() looks one up. */
export const SERVICE_PRINCIPALS: readonly ServicePrincipal[] = [
  // none: API Gateway's credentials role examples carry no condition; prowler#2810 reports it failing.
  { principal: 'apigateway.amazonaws.com', service: 'Amazon API Gateway', sourceAccount: false, sourceArn: false },
  // none: the scaling policies' custom roles are documented without conditions.
  {
    principal: 'application-autoscaling.amazonaws.com',
    service: 'Application Auto Scaling',
    sourceAccount: false,
    sourceArn: false,
  },
  // cdp: AppSync's data-source service role (aws:SourceArn arn:aws:appsync:region:account:apis/*).
  { principal: 'appsync.amazonaws.com', service: 'AWS AppSync', sourceAccount: true, sourceArn: true },
  // none: App Runner's build and instance roles are documented without conditions.
  {
    principal: 'build.apprunner.amazonaws.com',
    service: 'AWS App Runner (build)',
    sourceAccount: false,
    sourceArn: false,
  },
  {
    principal: 'tasks.apprunner.amazonaws.com',
    service: 'AWS App Runner (instance)',
    sourceAccount: false,
    sourceArn: false,
  },
  // none: prowler#2810 reports AWS Backup failing with the keys pinned.
  { principal: 'backup.amazonaws.com', service: 'AWS Backup', sourceAccount: false, sourceArn: false },
  // none: Batch's service and Spot Fleet roles are documented without conditions.
  { principal: 'batch.amazonaws.com', service: 'AWS Batch', sourceAccount: false, sourceArn: false },
  // cdp: Bedrock's service roles (model customisation, knowledge bases, agents) pin both keys.
  { principal: 'bedrock.amazonaws.com', service: 'Amazon Bedrock', sourceAccount: true, sourceArn: true },
  // none: a CloudFormation service role's examples carry no condition.
  { principal: 'cloudformation.amazonaws.com', service: 'AWS CloudFormation', sourceAccount: false, sourceArn: false },
  // none: prowler#4714 reports CloudTrail's CloudWatch Logs delivery role failing with the keys pinned.
  { principal: 'cloudtrail.amazonaws.com', service: 'AWS CloudTrail', sourceAccount: false, sourceArn: false },
  // cdp/role: CodeBuild's service role (aws:SourceArn arn:aws:codebuild:region:account:project/name).
  { principal: 'codebuild.amazonaws.com', service: 'AWS CodeBuild', sourceAccount: true, sourceArn: true },
  // none: CodeDeploy's service role is documented without conditions.
  { principal: 'codedeploy.amazonaws.com', service: 'AWS CodeDeploy', sourceAccount: false, sourceArn: false },
  // none: CodePipeline's service role is documented with the keys on resource policies, not on its trust.
  { principal: 'codepipeline.amazonaws.com', service: 'AWS CodePipeline', sourceAccount: false, sourceArn: false },
  // cdp: Comprehend's data access role (aws:SourceArn arn:aws:comprehend:region:account:*).
  { principal: 'comprehend.amazonaws.com', service: 'Amazon Comprehend', sourceAccount: true, sourceArn: true },
  // role: AWS Config's delivery role pins aws:SourceAccount only.
  { principal: 'config.amazonaws.com', service: 'AWS Config', sourceAccount: true, sourceArn: false },
  // none: the IoT credentials provider (role aliases) is documented without conditions.
  {
    principal: 'credentials.iot.amazonaws.com',
    service: 'AWS IoT Core credentials provider',
    sourceAccount: false,
    sourceArn: false,
  },
  // cdp: DataSync's location roles (aws:SourceArn arn:aws:datasync:region:account:*).
  { principal: 'datasync.amazonaws.com', service: 'AWS DataSync', sourceAccount: true, sourceArn: true },
  // none: Data Lifecycle Manager's default roles carry no condition.
  { principal: 'dlm.amazonaws.com', service: 'Amazon Data Lifecycle Manager', sourceAccount: false, sourceArn: false },
  // none: DMS's endpoint access roles are documented without conditions.
  { principal: 'dms.amazonaws.com', service: 'AWS Database Migration Service', sourceAccount: false, sourceArn: false },
  // none: an instance profile's role is assumed by EC2 for the instance with neither key (prowler#2810).
  {
    principal: 'ec2.amazonaws.com',
    service: 'Amazon EC2',
    sourceAccount: false,
    sourceArn: false,
    instanceProfile: true,
  },
  // none: ECS's infrastructure role is documented without conditions.
  { principal: 'ecs.amazonaws.com', service: 'Amazon ECS (infrastructure)', sourceAccount: false, sourceArn: false },
  // role: ECS's task role (ArnLike aws:SourceArn arn:aws:ecs:region:account:*, aws:SourceAccount).
  { principal: 'ecs-tasks.amazonaws.com', service: 'Amazon ECS tasks', sourceAccount: true, sourceArn: true },
  // none: Lambda@Edge replicas assume the role from other regions without the keys.
  { principal: 'edgelambda.amazonaws.com', service: 'Lambda@Edge', sourceAccount: false, sourceArn: false },
  // none: the EKS cluster role is documented without conditions.
  { principal: 'eks.amazonaws.com', service: 'Amazon EKS (cluster)', sourceAccount: false, sourceArn: false },
  // role: the Fargate pod execution role pins ArnLike aws:SourceArn arn:aws:eks:region:account:fargateprofile/*.
  {
    principal: 'eks-fargate-pods.amazonaws.com',
    service: 'Amazon EKS on Fargate',
    sourceAccount: false,
    sourceArn: true,
  },
  // role: EMR's service role (aws:SourceArn arn:aws:elasticmapreduce:region:account:*, aws:SourceAccount).
  { principal: 'elasticmapreduce.amazonaws.com', service: 'Amazon EMR', sourceAccount: true, sourceArn: true },
  // none: EMR Serverless's job runtime role is documented without conditions.
  {
    principal: 'emr-serverless.amazonaws.com',
    service: 'Amazon EMR Serverless',
    sourceAccount: false,
    sourceArn: false,
  },
  // cdp: EventBridge's target role (aws:SourceArn the rule, aws:SourceAccount).
  { principal: 'events.amazonaws.com', service: 'Amazon EventBridge', sourceAccount: true, sourceArn: true },
  // none: Firehose's delivery role pins sts:ExternalId to the account instead; the keys are not documented.
  { principal: 'firehose.amazonaws.com', service: 'Amazon Data Firehose', sourceAccount: false, sourceArn: false },
  // none: prowler#2810 reports Glue failing with the keys pinned.
  { principal: 'glue.amazonaws.com', service: 'AWS Glue', sourceAccount: false, sourceArn: false },
  // cdp: Greengrass's service role (aws:SourceArn arn:aws:greengrass:region:account:*).
  { principal: 'greengrass.amazonaws.com', service: 'AWS IoT Greengrass', sourceAccount: true, sourceArn: true },
  // cdp: IoT rule actions' roles (aws:SourceArn arn:aws:iot:region:account:rule/name).
  { principal: 'iot.amazonaws.com', service: 'AWS IoT Core', sourceAccount: true, sourceArn: true },
  // none: Managed Service for Apache Flink's service execution role is documented without conditions.
  {
    principal: 'kinesisanalytics.amazonaws.com',
    service: 'Amazon Managed Service for Apache Flink',
    sourceAccount: false,
    sourceArn: false,
  },
  // cdp/role: Lambda sends both when it assumes an execution role (aws:SourceArn the function).
  { principal: 'lambda.amazonaws.com', service: 'AWS Lambda', sourceAccount: true, sourceArn: true },
  // role: CloudWatch Logs' subscription role pins StringLike aws:SourceArn arn:aws:logs:region:account:*.
  { principal: 'logs.amazonaws.com', service: 'Amazon CloudWatch Logs', sourceAccount: false, sourceArn: true },
  // none: MediaConvert's role is documented without conditions.
  {
    principal: 'mediaconvert.amazonaws.com',
    service: 'AWS Elemental MediaConvert',
    sourceAccount: false,
    sourceArn: false,
  },
  // role: RDS Enhanced Monitoring's role (aws:SourceArn the DB instance, aws:SourceAccount).
  {
    principal: 'monitoring.rds.amazonaws.com',
    service: 'Amazon RDS Enhanced Monitoring',
    sourceAccount: true,
    sourceArn: true,
  },
  // cdp: Personalize's role (aws:SourceArn arn:aws:personalize:region:account:*).
  { principal: 'personalize.amazonaws.com', service: 'Amazon Personalize', sourceAccount: true, sourceArn: true },
  // cdp: EventBridge Pipes' execution role (aws:SourceArn the pipe, aws:SourceAccount).
  { principal: 'pipes.amazonaws.com', service: 'Amazon EventBridge Pipes', sourceAccount: true, sourceArn: true },
  // none here: EKS Pod Identity is pinned by its session tags; declare it with trust.eksPodIdentity.
  { principal: 'pods.eks.amazonaws.com', service: 'Amazon EKS Pod Identity', sourceAccount: false, sourceArn: false },
  // cdp: RDS's feature roles (S3 import/export and others: aws:SourceArn the DB, aws:SourceAccount).
  { principal: 'rds.amazonaws.com', service: 'Amazon RDS', sourceAccount: true, sourceArn: true },
  // none: Redshift's cluster roles are documented without conditions.
  { principal: 'redshift.amazonaws.com', service: 'Amazon Redshift', sourceAccount: false, sourceArn: false },
  // role: Roles Anywhere pins ArnEquals aws:SourceArn to the trust anchor; declare it with trust.rolesAnywhere.
  { principal: 'rolesanywhere.amazonaws.com', service: 'IAM Roles Anywhere', sourceAccount: false, sourceArn: true },
  // none: S3 replication and the S3 Batch Operations roles are documented without conditions.
  { principal: 's3.amazonaws.com', service: 'Amazon S3 (replication)', sourceAccount: false, sourceArn: false },
  {
    principal: 'batchoperations.s3.amazonaws.com',
    service: 'Amazon S3 Batch Operations',
    sourceAccount: false,
    sourceArn: false,
  },
  // none: SageMaker documents the keys for some features and not for execution roles.
  { principal: 'sagemaker.amazonaws.com', service: 'Amazon SageMaker AI', sourceAccount: false, sourceArn: false },
  // cdp: EventBridge Scheduler's execution role (aws:SourceArn the schedule group, aws:SourceAccount).
  {
    principal: 'scheduler.amazonaws.com',
    service: 'Amazon EventBridge Scheduler',
    sourceAccount: true,
    sourceArn: true,
  },
  // none: SNS's delivery-status logging role is documented without conditions.
  { principal: 'sns.amazonaws.com', service: 'Amazon SNS', sourceAccount: false, sourceArn: false },
  // role: Systems Manager's hybrid activation role (aws:SourceAccount; ArnEquals aws:SourceArn arn:aws:ssm:…:*).
  { principal: 'ssm.amazonaws.com', service: 'AWS Systems Manager', sourceAccount: true, sourceArn: true },
  // cdp: Step Functions' state machine role (aws:SourceArn the state machine, aws:SourceAccount).
  { principal: 'states.amazonaws.com', service: 'AWS Step Functions', sourceAccount: true, sourceArn: true },
  // cdp: Transfer Family's user and logging roles (aws:SourceArn arn:aws:transfer:region:account:*).
  { principal: 'transfer.amazonaws.com', service: 'AWS Transfer Family', sourceAccount: true, sourceArn: true },
  // role: VPC Flow Logs' delivery role (aws:SourceAccount, ArnLike aws:SourceArn the flow log).
  { principal: 'vpc-flow-logs.amazonaws.com', service: 'Amazon VPC Flow Logs', sourceAccount: true, sourceArn: true },
];

const BY_PRINCIPAL = new Map(SERVICE_PRINCIPALS.map((s) => [s.principal, s]));

/** The list's row for a principal; undefined for one the list does not hold (a validation error). */
export function servicePrincipal(p: string): ServicePrincipal | undefined {
  return BY_PRINCIPAL.get(p);
}
