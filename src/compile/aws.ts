// What an identity's spec.access.aws becomes in AWS IAM: a role trusted through federation (no static
// secret) with the objects that hand it out (aws-trust-resources.ts), or a user with rotated access
// keys; inline policies for its permissions and for each elevation in force. Lifecycle per DESIGN.md:
// a suspended identity keeps its principal (nothing is deleted, so the suspension is reversible) but
// loses every policy and its keys are deactivated.

import { awsPrincipal } from '../access/aws-principal.js';
import { renderAwsPolicy } from '../access/aws-policy.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { adopting, importedFrom } from './adopt.js';
import { activeElevations, byName, logicalName, ownership, resourceOf, statusOf } from './common.js';
import { deliveryResources } from './delivery.js';
import { generations } from './rotation.js';
import { trustPolicy } from '../access/aws-trust-policy.js';
import { trustResources } from './aws-trust-resources.js';
import { outputOf, type CompileContext, type DesiredResource, type ProviderKey, type TypedResource } from './types.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;
/** IAM's default and the shortest it allows: a leaked session token is useful for an hour at most. */
const MAX_SESSION_SECONDS = 3600;

export function compileAws(data: MachineIdentity, ctx: CompileContext): DesiredResource[] {
  const aws = data.spec.access.aws;
  const status = statusOf(data);
  if (!aws || status === 'decommissioned') return [];
  const provider: ProviderKey = `aws:${aws.account}`;
  const { identity, team, owner } = ownership(data);
  const tags = { 'idac:identity': identity, 'idac:team': team, 'idac:owner': owner };
  // An imported identity keeps its live name and path (aws-principal.ts): the ARN stays the same.
  const { name, path } = awsPrincipal(data)!;
  const protect = data.spec.criticality === 'high' || data.spec.criticality === 'critical' ? { protect: true } : {};
  // An imported principal is adopted by its name, which IAM's import takes as the id.
  const adopted = importedFrom(data, 'aws') ? name : undefined;
  const compiled =
    aws.principal === 'role'
      ? resourceOf(
          data,
          'aws:iam/role:Role',
          ['aws', 'role'],
          provider,
          {
            name,
            path,
            assumeRolePolicy: trustPolicy(aws, ctx),
            tags,
            maxSessionDuration: MAX_SESSION_SECONDS,
          },
          protect,
        )
      : resourceOf(
          data,
          'aws:iam/user:User',
          ['aws', 'user'],
          provider,
          { name, path, tags, forceDestroy: true },
          protect,
        );
  const principal = adopting(compiled, adopted);
  const out: DesiredResource[] = [principal];
  // What hands the role out (instance profile, Pod Identity associations, Roles Anywhere profile)
  // stays through a suspension like the role itself: the role holds no policy then.
  if (principal.type === 'aws:iam/role:Role') out.push(...trustResources(data, aws, principal, tags, ctx));

  // idac's inline policies: their names and logical names, for the exclusive resources below.
  const inline: { name: string; resource: string }[] = [];
  // Suspension revokes the access itself; the principal stays so that lifting it restores the same ARN.
  if (status === 'active') {
    const attach = (name: string, parts: string[], permissions: Aws['permissions']): void => {
      if (permissions.length === 0) return;
      const policy = JSON.stringify(renderAwsPolicy(permissions));
      inline.push({ name, resource: logicalName(data.metadata.name, 'aws', ...parts) });
      out.push(
        principal.type === 'aws:iam/role:Role'
          ? resourceOf(data, 'aws:iam/rolePolicy:RolePolicy', ['aws', ...parts], provider, {
              name,
              role: outputOf(principal, 'name'),
              policy,
            })
          : resourceOf(data, 'aws:iam/userPolicy:UserPolicy', ['aws', ...parts], provider, {
              name,
              user: outputOf(principal, 'name'),
              policy,
            }),
      );
    };
    attach('idac', ['policy'], aws.permissions);
    for (const { key, elevation } of activeElevations(data, ctx.now))
      attach(`idac-${key}`, [key], elevation.access.aws?.permissions ?? []);
  }
  if (adopted !== undefined) out.push(...exclusive(data, principal, inline, provider));

  if (aws.principal === 'user') {
    // The same generations whatever the status, so a suspension only flips `status` on each key.
    const live = generations(data, ctx.now).live;
    const keys = live.map((g) =>
      resourceOf(
        data,
        'aws:iam/accessKey:AccessKey',
        ['aws', 'key', `g${g}`],
        provider,
        {
          user: outputOf(principal, 'name'),
          status: status === 'active' ? 'Active' : 'Inactive',
        },
        { secretOutputs: ['secret', 'sesSmtpPasswordV4'] },
      ),
    );
    out.push(...keys);
    const newest = keys[live.indexOf(Math.max(...live))]!;
    out.push(
      ...deliveryResources(data, ctx, {
        AWS_ACCESS_KEY_ID: outputOf(newest, 'id'),
        AWS_SECRET_ACCESS_KEY: outputOf(newest, 'secret'),
      }),
    );
  }
  return out.sort(byName);
}

type Principal = TypedResource<'aws:iam/role:Role'> | TypedResource<'aws:iam/user:User'>;

/**
 * An adopted role or user had policies before idac: inline ones and managed attachments that the
 * manifest's permissions were imported from. idac's own inline policies take over from them, so these
 * resources make idac's policies the only ones (the provider deletes every other inline policy and
 * detaches every managed policy, in place). They wait for idac's policies, so the principal is never
 * left without access between losing the old policies and gaining idac's. Group memberships are left
 * alone. Imported identities only: on a principal idac created there is nothing else to remove, and
 * other tools may attach to it.
 */
function exclusive(
  data: MachineIdentity,
  principal: Principal,
  inline: readonly { name: string; resource: string }[],
  provider: ProviderKey,
): DesiredResource[] {
  const policyNames = inline.map((p) => p.name).sort();
  const dependsOn = inline.map((p) => p.resource).sort();
  const wait = dependsOn.length > 0 ? { dependsOn } : {};
  const policies = ['aws', 'policies-exclusive'];
  const attachments = ['aws', 'attachments-exclusive'];
  const out: DesiredResource[] =
    principal.type === 'aws:iam/role:Role'
      ? [
          resourceOf(data, 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive', policies, provider, {
            roleName: outputOf(principal, 'name'),
            policyNames,
          }),
          resourceOf(
            data,
            'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
            attachments,
            provider,
            {
              roleName: outputOf(principal, 'name'),
              policyArns: [],
            },
          ),
        ]
      : [
          resourceOf(data, 'aws:iam/userPoliciesExclusive:UserPoliciesExclusive', policies, provider, {
            userName: outputOf(principal, 'name'),
            policyNames,
          }),
          resourceOf(
            data,
            'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive',
            attachments,
            provider,
            {
              userName: outputOf(principal, 'name'),
              policyArns: [],
            },
          ),
        ];
  return out.map((r) => ({ ...r, ...wait }));
}
