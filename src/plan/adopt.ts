// The plan of an identity made by `idac import` (metadata.importedFrom): what it names already exists,
// so those resources are adopted (Pulumi's `import` option) rather than created, and what then changes
// on them to become what idac compiles shows as an update of the same resource. Judged against the
// live object as importedFrom.live recorded it; where nothing records a field (tags, the trust policy,
// a service account's labels) idac's value is shown as what the update writes. Pure.

import type { DesiredResource } from '../compile/types.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { ResourceOps } from './diff-resources.js';
import { compareOps } from './diff-resources.js';
import type { ResourceOp } from './types.js';

type Live = NonNullable<NonNullable<MachineIdentity['metadata']['importedFrom']>['live']>;

/** Inputs that name the live object: the same on it and in idac's program, so never part of the convergence. */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  'aws:iam/role:Role': ['name', 'path'],
  'aws:iam/user:User': ['name', 'path'],
  'kubernetes:core/v1:ServiceAccount': ['metadata.name', 'metadata.namespace'],
  'vault:kubernetes/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:appRole/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:jwt/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:aws/authBackendRole:AuthBackendRole': ['backend', 'role'],
};

/** IAM's session limit for a role that sets none (the schema's minimum): what an import that records none had. */
const IAM_DEFAULT_SESSION = 3600;

/**
 * `ops` (one identity's diff) with every created resource that carries an import id moved to `adopt`,
 * each followed by the update that converges it, and the exclusive-policy resources described in words.
 */
export function withAdoption(
  ops: ResourceOps,
  head: readonly DesiredResource[],
  after: MachineIdentity | null,
): ResourceOps {
  const byKey = new Map(head.map((r) => [`${r.type}\u0000${r.name}`, r]));
  const live = after?.metadata.importedFrom?.live ?? {};
  const out: ResourceOps = { ...ops, adopt: [...ops.adopt], create: [], update: [...ops.update] };
  for (const op of ops.create) {
    const r = byKey.get(`${op.type}\u0000${op.name}`);
    if (r?.importId === undefined) {
      out.create.push(r === undefined ? op : described(op, r, live));
      continue;
    }
    out.adopt.push({ type: op.type, name: op.name, identity: op.identity, team: op.team, id: r.importId });
    const inputs = convergence(r, live);
    if (inputs.length > 0)
      out.update.push({ type: op.type, name: op.name, identity: op.identity, team: op.team, inputs });
  }
  out.adopt.sort(compareOps);
  out.update.sort(compareOps);
  return out;
}

/** The inputs an adopted object's first update changes (top-level, as plan updates list them). */
export function convergence(r: DesiredResource, live: Live): string[] {
  const inputs = r.inputs as Record<string, unknown>;
  const names = NAMES[r.type] ?? [];
  const paths = Object.keys(inputs).flatMap((k) => {
    const v = inputs[k];
    // metadata is listed by its parts, as ordinary Kubernetes updates are (metadata.labels).
    if (k === 'metadata' && v !== null && typeof v === 'object') return Object.keys(v).map((m) => `metadata.${m}`);
    return [k];
  });
  return paths
    .filter((p) => !names.includes(p))
    .filter((p) => !(p === 'maxSessionDuration' && inputs[p] === (live.maxSessionDuration ?? IAM_DEFAULT_SESSION)))
    .filter((p) => !(p === 'tokenPolicies' && live.policies !== undefined && sameSet(inputs[p], live.policies)))
    .sort();
}

function sameSet(value: unknown, live: readonly string[]): boolean {
  if (!Array.isArray(value)) return false;
  const a = [...new Set(value.map(String))].sort();
  const b = [...new Set(live)].sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A created exclusive-policy resource of an adopted principal, with what it removes in words. */
function described(op: ResourceOp, r: DesiredResource, live: Live): ResourceOp {
  switch (r.type) {
    case 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive':
    case 'aws:iam/userPoliciesExclusive:UserPoliciesExclusive': {
      const keep = new Set(r.inputs.policyNames as string[]);
      const gone = [...new Set(live.inlinePolicies ?? [])].filter((n) => !keep.has(n)).sort();
      return { ...op, detail: gone.length ? `removes inline ${policies(gone)}` : 'no other inline policy recorded' };
    }
    case 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive':
    case 'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': {
      const gone = [...new Set(live.managedPolicies ?? [])].sort();
      return { ...op, detail: gone.length ? `detaches ${policies(gone)}` : 'no attached policy recorded' };
    }
    default:
      return op;
  }
}

/** `policy a` / `policies a, b and c`. */
function policies(names: readonly string[]): string {
  if (names.length === 1) return `policy ${names[0]}`;
  return `policies ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
