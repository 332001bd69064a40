// What idac compiles, as the estate it becomes once applied: the AWS export
// (`aws iam get-account-authorization-details`) of each account, the kubectl dump of each cluster and
// the Vault dump. Drift of a repository against the estate compiled from it must be empty.

import { compileIdentity } from '../../../src/compile/index.js';
import type { DesiredResource } from '../../../src/compile/types.js';
import type { LoadedIdentity, Repository } from '../../../src/check/repository.js';
import { asApplied, list } from '../read/kubectl-fixture.js';
import { dumpOf, emptyDump } from '../vault-fixture.js';

export function compiled(repo: Pick<Repository, 'identities' | 'model'>, now: number): DesiredResource[] {
  return repo.identities.flatMap((i: LoadedIdentity) =>
    compileIdentity(i.data, { now, org: repo.model, certificateAuthorities: new Map() }),
  );
}

interface Principal {
  Path: string;
  Arn: string;
  CreateDate: string;
  Tags: { Key: string; Value: string }[];
  AttachedManagedPolicies: [];
  [k: string]: unknown;
}

/** The AWS export of one account as the AWS CLI prints it, one page. */
export function awsExportOf(resources: readonly DesiredResource[], account: string): string {
  const roles = new Map<string, Principal>();
  const users = new Map<string, Principal>();
  const mine = resources.filter((r) => r.provider === `aws:${account}`);
  for (const r of mine) {
    const inputs = r.inputs as Record<string, unknown>;
    const tags = Object.entries((inputs.tags ?? {}) as Record<string, string>).map(([Key, Value]) => ({ Key, Value }));
    const common = {
      Path: inputs.path as string,
      CreateDate: '2026-06-01T09:00:00+00:00',
      Tags: tags,
      AttachedManagedPolicies: [] as [],
    };
    if (r.type === 'aws:iam/role:Role')
      roles.set(r.identity, {
        ...common,
        RoleName: inputs.name,
        Arn: `arn:aws:iam::${account}:role${inputs.path as string}${inputs.name as string}`,
        AssumeRolePolicyDocument: JSON.parse(inputs.assumeRolePolicy as string) as unknown,
        MaxSessionDuration: inputs.maxSessionDuration,
        RolePolicyList: [],
      });
    if (r.type === 'aws:iam/user:User')
      users.set(r.identity, {
        ...common,
        UserName: inputs.name,
        Arn: `arn:aws:iam::${account}:user${inputs.path as string}${inputs.name as string}`,
        UserPolicyList: [],
        GroupList: [],
      });
  }
  for (const r of mine) {
    if (r.type !== 'aws:iam/rolePolicy:RolePolicy' && r.type !== 'aws:iam/userPolicy:UserPolicy') continue;
    const inputs = r.inputs as Record<string, unknown>;
    const policy = { PolicyName: inputs.name as string, PolicyDocument: JSON.parse(String(inputs.policy)) as unknown };
    if (r.type === 'aws:iam/rolePolicy:RolePolicy') (roles.get(r.identity)!.RolePolicyList as unknown[]).push(policy);
    if (r.type === 'aws:iam/userPolicy:UserPolicy') (users.get(r.identity)!.UserPolicyList as unknown[]).push(policy);
  }
  return JSON.stringify(
    {
      UserDetailList: [...users.values()],
      GroupDetailList: [],
      RoleDetailList: [...roles.values()],
      Policies: [],
    },
    null,
    4,
  );
}

/** The kubectl dump of one cluster. */
export function kubectlDumpOf(resources: readonly DesiredResource[], cluster: string): string {
  return list(asApplied(resources.filter((r) => r.provider === `kubernetes:${cluster}`)));
}

/** The Vault dump (scripts/vault-export.sh's format). */
export function vaultDumpOf(resources: readonly DesiredResource[]): string {
  return JSON.stringify(
    dumpOf(
      resources.filter((r) => r.type.startsWith('vault:')),
      emptyDump(),
    ),
  );
}
