// Resource operations between two compiled states: create, update (which inputs), replace (which
// input forces it, as the provider would) and delete. A resource whose alias names a base resource
// is that resource renamed: an update or a replace, never a delete and a create.

import type { DesiredResource } from '../compile/types.js';
import { diffFields } from './diff-fields.js';
import type { ResourceAction, ResourceOp } from './types.js';

/**
 * Inputs the providers cannot change in place (ForceNew in the Terraform providers they bridge,
 * immutable fields in Kubernetes). A changed provider (another account or cluster) always replaces.
 */
export const REPLACE_ON: Readonly<Record<string, readonly string[]>> = {
  'aws:iam/role:Role': ['name', 'path'],
  'aws:iam/rolePolicy:RolePolicy': ['name', 'role'],
  'aws:iam/user:User': [],
  'aws:iam/userPolicy:UserPolicy': ['name', 'user'],
  'aws:iam/accessKey:AccessKey': ['user', 'pgpKey'],
  'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive': ['roleName'],
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': ['roleName'],
  'aws:iam/userPoliciesExclusive:UserPoliciesExclusive': ['userName'],
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': ['userName'],
  'aws:iam/instanceProfile:InstanceProfile': ['name', 'path'],
  'aws:eks/podIdentityAssociation:PodIdentityAssociation': ['clusterName', 'namespace', 'serviceAccount', 'region'],
  'aws:rolesanywhere/profile:Profile': [],
  'kubernetes:core/v1:ServiceAccount': ['metadata.name', 'metadata.namespace'],
  'kubernetes:core/v1:Secret': ['metadata.name', 'metadata.namespace', 'type'],
  'kubernetes:rbac.authorization.k8s.io/v1:Role': ['metadata.name', 'metadata.namespace'],
  'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding': ['metadata.name', 'metadata.namespace', 'roleRef'],
  'vault:index/policy:Policy': ['name'],
  'vault:kubernetes/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:appRole/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId': [
    'backend',
    'roleName',
    'cidrLists',
    'metadata',
    'numUses',
    'ttl',
    'wrappingTtl',
  ],
  'vault:pkiSecret/secretBackendRole:SecretBackendRole': ['backend', 'name'],
  'vault:kv/secretV2:SecretV2': ['mount', 'name'],
  'vault:jwt/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:aws/authBackendRole:AuthBackendRole': ['backend', 'role'],
  'vault:index/certAuthBackendRole:CertAuthBackendRole': ['backend', 'name'],
};

export type ResourceOps = Record<ResourceAction, ResourceOp[]>;

// The team is part of the key: each team is its own stack, so moving an identity to another team
// moves its resources between stacks, which Pulumi does as a create there and a delete here.
const key = (r: { team: string; type: string }, name: string): string => `${r.team}\u0000${r.type}\u0000${name}`;

export function diffResources(base: readonly DesiredResource[], head: readonly DesiredResource[]): ResourceOps {
  // Adopting is decided from the identity's importedFrom (adopt.ts); the diff itself only creates.
  const out: ResourceOps = { adopt: [], create: [], update: [], replace: [], delete: [] };
  const baseByKey = new Map(base.map((r) => [key(r, r.name), r]));
  const matched = new Set<string>();
  for (const h of head) {
    let from: DesiredResource | undefined = baseByKey.get(key(h, h.name));
    if (from === undefined || matched.has(key(from, from.name))) {
      from = (h.aliases ?? [])
        .map((a) => baseByKey.get(key(h, a)))
        .find((b) => b !== undefined && !matched.has(key(b, b.name)));
    }
    const op: ResourceOp = { type: h.type, name: h.name, identity: h.identity, team: h.team };
    // A credential created or left disabled (a suspended identity's new access key) must say so.
    if ('status' in h.inputs && typeof h.inputs.status === 'string') op.status = h.inputs.status;
    if (from === undefined) {
      out.create.push(op);
      continue;
    }
    matched.add(key(from, from.name));
    if (from.name !== h.name) op.from = from.name;
    const changed = diffFields(from.inputs, h.inputs).map((c) => c.path);
    const forcing = from.provider !== h.provider ? ['provider'] : changed.filter((p) => forces(h.type, p));
    if (forcing.length > 0) out.replace.push({ ...op, inputs: unique(forcing) });
    else if (changed.length > 0) out.update.push({ ...op, inputs: unique(changed.map(topInput)) });
    else if (op.from !== undefined) out.update.push({ ...op, inputs: [] });
  }
  for (const b of base) {
    if (!matched.has(key(b, b.name)))
      out.delete.push({ type: b.type, name: b.name, identity: b.identity, team: b.team });
  }
  for (const list of Object.values(out)) list.sort(compareOps);
  return out;
}

function forces(type: string, path: string): boolean {
  return (REPLACE_ON[type] ?? []).some((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
}

/** `metadata.labels.x` → `metadata.labels`: where a reviewer looks, without every leaf. */
function topInput(path: string): string {
  return /^metadata\.[^.[]+/.exec(path)?.[0] ?? /^[^.[]+/.exec(path)![0];
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

export function compareOps(a: ResourceOp, b: ResourceOp): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}
