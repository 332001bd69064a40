// TEMPORARY STUB on branch i17-rules: the real list is written by the aws-trust helper
// (branch i17-aws-trust); it replaces this file when cherry-picked. Interface per the issue-17 brief.

export interface ServicePrincipal {
  principal: string;
  service: string;
  sourceAccount: boolean;
  sourceArn: boolean;
  instanceProfile?: true;
}

export const SERVICE_PRINCIPALS: readonly ServicePrincipal[] = [
  { principal: 'ec2.amazonaws.com', service: 'Amazon EC2', sourceAccount: false, sourceArn: false, instanceProfile: true },
  { principal: 'ecs-tasks.amazonaws.com', service: 'Amazon ECS tasks', sourceAccount: true, sourceArn: true },
  { principal: 'events.amazonaws.com', service: 'Amazon EventBridge', sourceAccount: true, sourceArn: true },
  { principal: 'lambda.amazonaws.com', service: 'AWS Lambda', sourceAccount: true, sourceArn: true },
  { principal: 'scheduler.amazonaws.com', service: 'EventBridge Scheduler', sourceAccount: true, sourceArn: true },
  { principal: 'states.amazonaws.com', service: 'AWS Step Functions', sourceAccount: true, sourceArn: true },
];

export function servicePrincipal(p: string): ServicePrincipal | undefined {
  return SERVICE_PRINCIPALS.find((s) => s.principal === p);
}
