// The IAM role or user an identity is in AWS: its name, path and ARN. idac puts what it creates under
// /idac/<team>/<identity>; an identity made by `idac import` keeps the live name and path it was
// found with (metadata.importedFrom), because both are part of the ARN every consumer already uses
// and IAM cannot change either without replacing the principal.

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';

export interface AwsPrincipal {
  kind: 'role' | 'user';
  account: string;
  name: string;
  path: string;
  arn: string;
}

export function awsPrincipal(data: MachineIdentity): AwsPrincipal | null {
  const aws = data.spec.access.aws;
  if (!aws) return null;
  const imported = data.metadata.importedFrom?.target === 'aws' ? data.metadata.importedFrom : undefined;
  const name = imported?.name ?? data.metadata.name;
  const path = imported ? (imported.live?.path ?? '/') : `/idac/${data.spec.stewardship.team}/`;
  return { kind: aws.principal, account: aws.account, name, path, arn: iamArn(aws.account, aws.principal, path, name) };
}

export function iamArn(account: string, kind: 'role' | 'user', path: string, name: string): string {
  return `arn:aws:iam::${account}:${kind}${path}${name}`;
}
