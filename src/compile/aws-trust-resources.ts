// The AWS objects a role's trust needs beside the trust policy itself: the trust policy says who MAY
// become the role, these make the platform actually hand the role out. An EC2 instance can only
// carry a role through an instance profile; EKS Pod Identity gives a pod credentials only for an
// association of its service account; Roles Anywhere issues sessions only through a profile that
// lists the role. Each is named after the identity and kept while the identity is suspended (the
// role holds no policy then), so lifting the suspension brings back the same objects and ARNs.

import { trustItems, type TrustItem } from '../access/trust.js';
import { parseDuration } from '../common/time.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { eksOf, needsInstanceProfile } from '../access/aws-trust-policy.js';
import { resourceOf } from './common.js';
import { outputOf, type CompileContext, type DesiredResource, type ProviderKey, type TypedResource } from './types.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;

/** What each object is built from: the identity, its aws block, its compiled role and the role's tags. */
interface Beside {
  data: MachineIdentity;
  aws: Aws;
  role: TypedResource<'aws:iam/role:Role'>;
  tags: { [key: string]: string };
}

/** Roles Anywhere's own default session length, used when no trust entry names one. */
const DEFAULT_ROLES_ANYWHERE_SECONDS = 3600;

/**
 * The objects beside `role` (already compiled by compileAws) for an active or suspended identity.
 * `tags` are the role's, so every object says whose it is.
 */
export function trustResources(
  data: MachineIdentity,
  aws: Aws,
  role: TypedResource<'aws:iam/role:Role'>,
  tags: { [key: string]: string },
  ctx: CompileContext,
): DesiredResource[] {
  const from: Beside = { data, aws, role, tags };
  return [...instanceProfile(from), ...podIdentityAssociations(from, ctx), ...rolesAnywhereProfile(from)];
}

function instanceProfile({ data, aws, role, tags }: Beside): DesiredResource[] {
  if (!needsInstanceProfile(aws)) return [];
  // One per identity however often EC2 is listed: an instance carries exactly one profile.
  return [
    resourceOf(data, 'aws:iam/instanceProfile:InstanceProfile', ['aws', 'instance-profile'], role.provider, {
      name: role.inputs.name,
      path: role.inputs.path,
      role: outputOf(role, 'name'),
      tags,
    }),
  ];
}

/**
 * One association per cluster, namespace and service account, named by them (not by list position),
 * so reordering the list renames nothing, and the same triple written twice is one association (EKS
 * allows only one per service account). A cluster without `eks` in org.yaml gets none: there is no
 * EKS cluster name to associate with, and the eksPodIdentity rule reports it on the manifest.
 *
 * The association lives in the cluster's account (eks.account), which must also be the role's: EKS
 * passes the role (iam:PassRole) and so refuses a role of another account. Compile writes what the
 * manifest and org.yaml say and leaves that refusal to the rule, so the plan shows the association.
 */
function podIdentityAssociations({ data, aws, role, tags }: Beside, ctx: CompileContext): DesiredResource[] {
  const out = new Map<string, DesiredResource>();
  for (const { item } of trustItems(aws.trust, 'eksPodIdentity')) {
    const eks = eksOf(ctx, item.cluster);
    if (!eks) continue;
    const parts = ['aws', 'pod-identity', item.cluster, item.namespace, item.serviceAccount];
    const provider: ProviderKey = `aws:${eks.account}`;
    out.set(
      parts.join('.'),
      resourceOf(data, 'aws:eks/podIdentityAssociation:PodIdentityAssociation', parts, provider, {
        clusterName: eks.name,
        namespace: item.namespace,
        serviceAccount: item.serviceAccount,
        roleArn: outputOf(role, 'arn'),
        // Always the cluster's region, even where it is the account provider's: the association then
        // stays with its cluster if org.yaml's region for the account ever changes.
        region: eks.region,
        tags,
      }),
    );
  }
  return [...out.values()];
}

/**
 * One profile per identity, whatever the number of trust entries: a device's configuration names the
 * profile by ARN, so the profile must outlive edits to the entries (a duration change is an update in
 * place, never a new ARN). A profile has one session length, so with several entries it is the
 * shortest written: no session outlives what any entry allows. Out-of-range lengths (Roles Anywhere
 * takes 15m to 12h) are compiled as written; the rolesAnywhere rule reports them.
 */
function rolesAnywhereProfile({ data, aws, role, tags }: Beside): DesiredResource[] {
  const entries = trustItems(aws.trust, 'rolesAnywhere');
  if (entries.length === 0) return [];
  return [
    resourceOf(data, 'aws:rolesanywhere/profile:Profile', ['aws', 'roles-anywhere'], role.provider, {
      name: `idac-${data.metadata.name}`,
      roleArns: [outputOf(role, 'arn')],
      durationSeconds: sessionSeconds(entries.map(({ item }) => item)),
      // A suspended identity's devices get no session; the profile (and its ARN) stays for the resumption.
      enabled: (data.spec.status ?? 'active') === 'active',
      tags,
    }),
  ];
}

/** The shortest session length the entries write, in seconds; Roles Anywhere's default when none does. */
export function sessionSeconds(entries: readonly TrustItem<'rolesAnywhere'>[]): number {
  const written = entries.flatMap((e) => {
    const ms = e.sessionDuration !== undefined ? parseDuration(e.sessionDuration) : null;
    return ms !== null ? [Math.floor(ms / 1000)] : [];
  });
  return written.length > 0 ? Math.min(...written) : DEFAULT_ROLES_ANYWHERE_SECONDS;
}
