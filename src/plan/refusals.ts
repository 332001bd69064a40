// What `idac apply` would refuse or fail on by design, known from the two revisions alone, as error
// findings of the plan — so the pull request that would break the apply is stopped at review, with
// the finding where the fix goes. One check per refusal in src/apply and src/cli/apply.ts:
//
// - plan/protected-resource: compile/aws.ts protects the role or user of a high or critical
//   identity; apply/pending.ts (unprotectTombstones) lifts that only for an identity whose head
//   manifest in the same team says `decommissioned`. Any other delete or replace of it — the file
//   removed, a rename, a move to another team, a new account or principal — Pulumi refuses.
// - plan/team-without-stack: cli/apply.ts opens one stack per team of org.yaml (and per team an
//   identity names); a team removed from org.yaml with its last identity is never opened, so the
//   deletions the plan shows there would not happen.
// - plan/team-move: the same move recreates the identity's objects in the new team's stack while
//   the old stack deletes them. Stacks run independently (apply/driver.ts), and the live objects
//   carry the same physical names, so the create fails while the old object exists (IAM), or the
//   old stack deletes what the new one has just written (Vault, Kubernetes).
// - plan/vault-unconfigured: apply/providers.ts cannot build the Vault provider without
//   targets.vault.address (an AWS account or cluster missing from targets is target/aws-account and
//   target/kubernetes-cluster, reported on the identity).
// - plan/aws-tag-value: every IAM object carries its identity, team and owner as tags; IAM rejects a
//   tag value outside its character set or over 256 characters.
//
// Pure: the caller passes a reader for the head revision's files (to place each finding).

import { cmp, compareFindings, formatPath, type Finding, type Path } from '../common/findings.js';
import type { DesiredResource } from '../compile/types.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Compiled, PlanInput } from './plan.js';
import { finding, placeReports } from '../rules/engine.js';
import awsTagValueRule from '../rules/plan/aws-tag-value.js';
import protectedResourceRule from '../rules/plan/protected-resource.js';
import teamMoveRule from '../rules/plan/team-move.js';
import teamWithoutStackRule from '../rules/plan/team-without-stack.js';
import vaultUnconfiguredRule from '../rules/plan/vault-unconfigured.js';
import { messageText, type MessageRef, type PlanRule } from '../rules/types.js';
import type { Plan, ResourceOp } from './types.js';

/** The refusals' rules (src/rules/plan/): each finding takes its id and severity from one of them. */
export const REFUSAL_RULES = [
  protectedResourceRule,
  teamWithoutStackRule,
  teamMoveRule,
  vaultUnconfiguredRule,
  awsTagValueRule,
] as const;

/** A refusal before it is placed: `path` into `file` (null: the whole file, 1:1). */
type Refusal = {
  rule: PlanRule;
  file: string;
  kind: 'MachineIdentity' | 'Organization';
  path: Path | null;
  at: 'key' | 'value';
  identity: string | null;
} & MessageRef;

type ReadFile = (file: string) => Promise<Uint8Array | null>;

/** The plan with apply's refusals added to its findings (sorted as findings always are). */
export async function withApplyRefusals(
  plan: Plan,
  input: PlanInput,
  read: ReadFile,
  compiled: Compiled,
): Promise<Plan> {
  const refusals = applyRefusals(plan, input, compiled);
  if (refusals.length === 0) return plan;
  return { ...plan, findings: [...plan.findings, ...(await place(refusals, read))].sort(compareFindings) };
}

function applyRefusals(plan: Plan, input: PlanInput, compiled: Compiled): Refusal[] {
  return [
    ...protectedResources(plan, input, compiled),
    ...teamsWithoutStack(plan, input),
    ...teamMoves(input, compiled),
    ...vaultUnconfigured(input, compiled),
    ...awsTagValues(input, compiled),
  ];
}

const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_FIELD: Record<string, Path> = {
  'idac:identity': ['metadata', 'name'],
  'idac:team': ['spec', 'stewardship', 'team'],
  'idac:owner': ['spec', 'stewardship', 'owner'],
};

function protectedResources(plan: Plan, input: PlanInput, compile: Compiled): Refusal[] {
  const baseByName = new Map(input.base.identities.map((s) => [s.name, s]));
  const headByName = new Map(input.head.identities.map((s) => [s.name, s]));
  const renamedTo = new Map(plan.identities.renamed.map((r) => [r.from, r.to]));
  const renamedFrom = new Map(plan.identities.renamed.map((r) => [r.to, r.from]));
  const baseResources = (name: string): DesiredResource[] => {
    const data = baseByName.get(name)?.data;
    return data ? compile('base', data) : [];
  };

  // Per base identity: its protected resources this plan deletes or replaces.
  const hits = new Map<string, { op: 'delete' | 'replace'; type: string; name: string; team: string }[]>();
  const consider = (action: 'delete' | 'replace', op: ResourceOp): void => {
    const baseName = action === 'replace' ? (renamedFrom.get(op.identity) ?? op.identity) : op.identity;
    const liveName = op.from ?? op.name;
    const was = baseResources(baseName).find((r) => r.name === liveName && r.type === op.type && r.team === op.team);
    if (!was?.protect) return;
    const head = headByName.get(op.identity)?.data;
    // apply/driver.ts hands unprotectTombstones the decommissioned identities of this team's stack.
    if (action === 'delete' && head && head.spec.status === 'decommissioned' && head.spec.stewardship.team === op.team)
      return;
    const list = hits.get(baseName) ?? [];
    list.push({ op: action, type: op.type, name: liveName, team: op.team });
    hits.set(baseName, list);
  };
  for (const op of plan.resources.delete) consider('delete', op);
  for (const op of plan.resources.replace) consider('replace', op);

  const out: Refusal[] = [];
  for (const [name, list] of [...hits].sort(([a], [b]) => cmp(a, b))) {
    const base = baseByName.get(name)!;
    const before = base.data!;
    const team = list[0]!.team;
    const what = list.map((h) => `${h.name} (${h.type})`).join(', ');
    const verb = list.every((h) => h.op === 'delete')
      ? 'delete'
      : list.every((h) => h.op === 'replace')
        ? 'replace'
        : 'delete or replace';
    const said = { name, criticality: String(before.spec.criticality), verb, resources: what, team };
    const headName = renamedTo.get(name) ?? name;
    const head = headByName.get(headName);
    if (!head?.data) {
      out.push({
        rule: protectedResourceRule,
        file: base.file,
        kind: 'MachineIdentity',
        path: null,
        at: 'key',
        identity: name,
        messageId: 'fileRemoved',
        data: said,
      });
      continue;
    }
    const { path, at, action } = cause(before, head.data, name !== headName);
    out.push({
      rule: protectedResourceRule,
      file: head.file,
      kind: 'MachineIdentity',
      path,
      at,
      identity: headName,
      messageId: 'changed',
      data: { ...said, action },
    });
  }
  return out;
}

/** Which head field makes the protected resource go: the finding's place, and what the change does. */
function cause(
  before: MachineIdentity,
  after: MachineIdentity,
  renamed: boolean,
): { path: Path; at: 'key' | 'value'; action: string } {
  if (before.spec.stewardship.team !== after.spec.stewardship.team)
    return {
      path: ['spec', 'stewardship', 'team'],
      at: 'value',
      action: `move it to team ${after.spec.stewardship.team} (a new stack)`,
    };
  if (renamed) return { path: ['metadata', 'name'], at: 'value', action: `rename it (its IAM name)` };
  const a = before.spec.access.aws;
  const b = after.spec.access.aws;
  if (a && !b) return { path: ['spec', 'access'], at: 'key', action: 'remove its AWS access' };
  if (a && b && a.account !== b.account)
    return { path: ['spec', 'access', 'aws', 'account'], at: 'value', action: `move it to AWS account ${b.account}` };
  if (a && b && a.principal !== b.principal)
    return { path: ['spec', 'access', 'aws', 'principal'], at: 'value', action: `make it a ${b.principal}` };
  return { path: ['spec', 'access', 'aws'], at: 'key', action: 'make this change' };
}

function teamsWithoutStack(plan: Plan, input: PlanInput): Refusal[] {
  const org = input.head.org;
  if (!org) return []; // org/missing already stops everything
  const declared = new Set(Object.keys(org.spec.teams));
  const named = new Set(input.head.identities.flatMap((s) => (s.data ? [s.data.spec.stewardship.team] : [])));
  const byTeam = new Map<string, ResourceOp[]>();
  for (const op of plan.resources.delete) {
    if (declared.has(op.team) || named.has(op.team)) continue;
    byTeam.set(op.team, [...(byTeam.get(op.team) ?? []), op]);
  }
  return [...byTeam]
    .sort(([a], [b]) => cmp(a, b))
    .map(([team, ops]): Refusal => {
      const identities = [...new Set(ops.map((o) => o.identity))].sort(cmp);
      return {
        rule: teamWithoutStackRule,
        file: input.orgFile,
        kind: 'Organization',
        path: ['spec', 'teams'],
        at: 'key',
        identity: null,
        messageId: 'teamRemoved',
        data: {
          team,
          deletions: `${ops.length} deletion${ops.length === 1 ? '' : 's'}`,
          identities: identities.join(', '),
        },
      };
    });
}

/**
 * The inputs that name the live object, per type: two resources of one type and provider with the
 * same values are the same object. Generated objects (access keys, secret-ids) have none.
 */
const PHYSICAL: Readonly<Record<string, readonly string[]>> = {
  'aws:iam/role:Role': ['name'],
  'aws:iam/user:User': ['name'],
  'aws:iam/rolePolicy:RolePolicy': ['role', 'name'],
  'aws:iam/userPolicy:UserPolicy': ['user', 'name'],
  'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive': ['roleName'],
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': ['roleName'],
  'aws:iam/userPoliciesExclusive:UserPoliciesExclusive': ['userName'],
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': ['userName'],
  'aws:iam/instanceProfile:InstanceProfile': ['name'],
  'aws:eks/podIdentityAssociation:PodIdentityAssociation': ['clusterName', 'namespace', 'serviceAccount', 'region'],
  'aws:rolesanywhere/profile:Profile': ['name'],
  'kubernetes:core/v1:ServiceAccount': ['metadata.namespace', 'metadata.name'],
  'kubernetes:core/v1:Secret': ['metadata.namespace', 'metadata.name'],
  'kubernetes:rbac.authorization.k8s.io/v1:Role': ['metadata.namespace', 'metadata.name'],
  'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding': ['metadata.namespace', 'metadata.name'],
  'vault:index/policy:Policy': ['name'],
  'vault:kubernetes/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:appRole/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:pkiSecret/secretBackendRole:SecretBackendRole': ['backend', 'name'],
  'vault:kv/secretV2:SecretV2': ['mount', 'name'],
  'vault:jwt/authBackendRole:AuthBackendRole': ['backend', 'roleName'],
  'vault:aws/authBackendRole:AuthBackendRole': ['backend', 'role'],
  'vault:index/certAuthBackendRole:CertAuthBackendRole': ['backend', 'name'],
};

function physicalKey(r: DesiredResource): string | null {
  const fields = PHYSICAL[r.type];
  if (!fields) return null;
  const at = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>(
        (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        r.inputs,
      );
  // A reference (a policy's role) names its target by logical name, which the move keeps too.
  return JSON.stringify([r.type, r.provider, ...fields.map(at)]);
}

function teamMoves(input: PlanInput, compile: Compiled): Refusal[] {
  const baseByName = new Map(input.base.identities.map((s) => [s.name, s]));
  const out: Refusal[] = [];
  for (const h of input.head.identities) {
    const after = h.data;
    const before = baseByName.get(after?.metadata.renamedFrom ?? h.name)?.data ?? baseByName.get(h.name)?.data;
    if (!after || !before || before.spec.stewardship.team === after.spec.stewardship.team) continue;
    const old = new Map<string, DesiredResource>();
    for (const r of compile('base', before)) {
      const k = physicalKey(r);
      if (k !== null) old.set(k, r);
    }
    const shared = compile('head', after).filter((r) => {
      const k = physicalKey(r);
      return k !== null && old.has(k);
    });
    if (shared.length === 0) continue;
    const from = before.spec.stewardship.team;
    const to = after.spec.stewardship.team;
    // A new name renames every object but the delivered secret, whose place spec.delivery names.
    const resources = shared.map((r) => r.name).join(', ');
    const own = [
      ...(before.metadata.name === after.metadata.name ? ['a new name'] : []),
      ...(shared.some((r) => r.name.startsWith(`${h.name}.delivery.`))
        ? ['a delivery place of its own (spec.delivery)']
        : []),
    ];
    out.push({
      rule: teamMoveRule,
      file: h.file,
      kind: 'MachineIdentity',
      path: ['spec', 'stewardship', 'team'],
      at: 'value',
      identity: h.name,
      ...(own.length > 0
        ? { messageId: 'giveOwnOrSplit', data: { identity: h.name, own: own.join(' and '), from, to, resources } }
        : { messageId: 'split', data: { from, to, resources } }),
    });
  }
  return out;
}

function vaultUnconfigured(input: PlanInput, compile: Compiled): Refusal[] {
  const org = input.head.org;
  if (!org || org.spec.targets?.vault?.address) return [];
  const needing = input.head.identities
    .filter((s) => s.data && compile('head', s.data).some((r) => r.provider === 'vault'))
    .map((s) => s.name)
    .sort(cmp);
  if (needing.length === 0) return [];
  const targets = org.spec.targets;
  const path: Path = targets?.vault ? ['spec', 'targets', 'vault'] : targets ? ['spec', 'targets'] : ['spec'];
  return [
    {
      rule: vaultUnconfiguredRule,
      file: input.orgFile,
      kind: 'Organization',
      path,
      at: 'key',
      identity: null,
      messageId: needing.length === 1 ? 'oneNeeds' : 'manyNeed',
      data: { identities: needing.join(', ') },
    },
  ];
}

function awsTagValues(input: PlanInput, compile: Compiled): Refusal[] {
  const out: Refusal[] = [];
  for (const s of input.head.identities) {
    if (!s.data) continue;
    const bad = new Map<string, string>();
    for (const r of compile('head', s.data)) {
      const tags: unknown = r.provider.startsWith('aws:') && 'tags' in r.inputs ? r.inputs.tags : undefined;
      if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) continue;
      for (const [key, value] of Object.entries(tags)) {
        if (typeof value === 'string' && (value.length > 256 || !TAG_VALUE.test(value))) bad.set(key, value);
      }
    }
    for (const [key] of [...bad].sort(([a], [b]) => cmp(a, b))) {
      const path = TAG_FIELD[key] ?? ['spec'];
      out.push({
        rule: awsTagValueRule,
        file: s.file,
        kind: 'MachineIdentity',
        path,
        at: 'value',
        identity: s.name,
        messageId: 'tagValue',
        data: { path: formatPath(path), key, identity: s.name },
      });
    }
  }
  return out;
}

async function place(refusals: readonly Refusal[], read: ReadFile): Promise<Finding[]> {
  const out: Finding[] = [];
  const byFile = new Map<string, Refusal[]>();
  for (const r of refusals) {
    if (r.path === null)
      out.push(finding(r.rule.meta.id, r.file, r.identity, 1, 1, messageText(r.rule, r), r.messageId));
    else {
      const key = `${r.kind}\u0000${r.file}`;
      byFile.set(key, [...(byFile.get(key) ?? []), r]);
    }
  }
  for (const group of byFile.values()) {
    const { file, kind } = group[0]!;
    const bytes = await read(file);
    if (bytes === null)
      out.push(
        ...group.map((r) =>
          finding(r.rule.meta.id, file, r.identity, 1, 1, messageText(r.rule, r), r.messageId, formatPath(r.path!)),
        ),
      );
    else
      out.push(
        ...placeReports(
          file,
          bytes,
          kind,
          group.map((r) => ({
            rule: r.rule.meta.id,
            identity: r.identity,
            path: r.path!,
            at: r.at,
            message: messageText(r.rule, r),
            messageId: r.messageId,
          })),
        ),
      );
  }
  return out;
}
