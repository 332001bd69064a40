// The plan: pair the identities of two revisions by name (and by metadata.renamedFrom), then diff
// their fields, their effective access and their compiled resources. Pure: the caller reads the
// revisions and loads the AWS reference data for the services they name.

import { createHash } from 'node:crypto';
import { effectiveAccess, grantText } from '../access/model.js';
import type { IamCatalog } from '../access/iam-catalog.js';
import { compileIdentity } from '../compile/index.js';
import { staticCredentialKinds } from '../compile/rotation.js';
import type { DesiredResource } from '../compile/types.js';
import { compareFindings, type Finding } from '../findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OrgModel } from '../model/org.js';
import { isoInstant } from '../time.js';
import { diffFields } from './diff-fields.js';
import { compareOps, diffResources } from './diff-resources.js';
import { compareDue, dueItems } from './due.js';
import type { AccessChange, Due, Plan, ResourceOp } from './types.js';

/** One identity file on one side of the plan. */
export interface IdentityState {
  file: string;
  /** metadata.name, or the file's base name when the file does not load. */
  name: string;
  /** null when the file does not load or fails its schema. */
  data: MachineIdentity | null;
  /** The file holds a secret: none of its values may appear in the plan. */
  withheld: boolean;
}

export interface Side {
  label: string;
  org: OrgModel | null;
  /** The identities the change touches (changed files, and those an org.yaml change affects). */
  identities: readonly IdentityState[];
}

export interface PlanInput {
  base: Side & { sha: string; /** MachineIdentity files in the base revision, for the deletion guard. */ total: number };
  head: Side & { sha: string | null };
  now: number;
  window: { ms: number; text: string };
  allowDeletions: number;
  /** The head revision's findings for what the change touches. */
  findings: readonly Finding[];
  catalog: IamCatalog;
  /** Where the deletion guard's finding points (the identities folder's org.yaml). */
  orgFile: string;
}

export const WITHHELD = '[withheld: this file holds a secret]';
export const MASS_DELETION = 'plan/mass-deletion';

export function buildPlan(input: PlanInput): Plan {
  const { now } = input;
  const baseByName = new Map(input.base.identities.map((s) => [s.name, s]));
  const headByName = new Map(input.head.identities.map((s) => [s.name, s]));

  // A rename pairs the head identity with the base identity it names, when that name is gone.
  const renamedFrom = new Map<string, string>();
  for (const h of input.head.identities) {
    const old = h.data?.metadata.renamedFrom;
    if (old !== undefined && old !== h.name && baseByName.has(old) && !headByName.has(old) && !baseByName.has(h.name)) renamedFrom.set(h.name, old);
  }
  const consumed = new Set(renamedFrom.values());

  const plan: Omit<Plan, 'fingerprint' | 'findings' | 'deletions'> = {
    base: input.base.label,
    baseSha: input.base.sha,
    head: input.head.label,
    headSha: input.head.sha,
    now: isoInstant(now),
    window: input.window.text,
    identities: { added: [], removed: [], renamed: [], changed: [], unplanned: [] },
    access: { gained: [], lost: [] },
    resources: { create: [], update: [], replace: [], delete: [] },
    newStaticCredentials: [],
    due: [],
  };
  const headResources = new Map<string, DesiredResource>();
  let deletions = 0;

  const names = new Set([...headByName.keys(), ...[...baseByName.keys()].filter((n) => !consumed.has(n))]);
  for (const name of [...names].sort()) {
    const h = headByName.get(name);
    const b = baseByName.get(renamedFrom.get(name) ?? name);
    if (h && h.data === null) {
      // Never read a manifest that stopped loading as "delete everything it had" (THREATS 11).
      plan.identities.unplanned.push({ name, file: h.file });
      continue;
    }
    const before = b?.data ?? null;
    const after = h?.data ?? null;
    const withheld = Boolean(b?.withheld || h?.withheld);
    if (after && !before) plan.identities.added.push(name);
    else if (before && !after) plan.identities.removed.push(name);
    if (renamedFrom.has(name)) plan.identities.renamed.push({ from: renamedFrom.get(name)!, to: name });
    if (before && after) {
      const changes = diffFields(before, after);
      if (changes.length > 0) plan.identities.changed.push({ name, changes: withheld ? changes.map((c) => ({ path: c.path, before: WITHHELD, after: WITHHELD })) : changes });
    }
    if (before && (!after || after.spec.status === 'decommissioned') && before.spec.status !== 'decommissioned') deletions++;

    const access = diffAccess(name, before, after, now, input.catalog);
    plan.access.gained.push(...access.gained.map((a) => (withheld ? { ...a, grant: WITHHELD } : a)));
    plan.access.lost.push(...access.lost.map((a) => (withheld ? { ...a, grant: WITHHELD } : a)));

    const baseRes = before ? compileIdentity(before, { now, org: input.base.org }) : [];
    const headRes = after ? compileIdentity(after, { now, org: input.head.org }) : [];
    for (const r of headRes) headResources.set(`${r.type}\u0000${r.name}`, r);
    const ops = diffResources(baseRes, headRes);
    for (const action of ['create', 'update', 'replace', 'delete'] as const) plan.resources[action].push(...ops[action]);

    if (after && after.spec.status !== 'decommissioned') {
      const had = new Set(before && before.spec.status !== 'decommissioned' ? staticCredentialKinds(before) : []);
      for (const kind of staticCredentialKinds(after)) if (!had.has(kind)) plan.newStaticCredentials.push({ identity: name, kind });
      plan.due.push(...dueItems(after, input.head.org, now, input.window.ms).map((d): Due => (withheld ? { ...d, detail: WITHHELD } : d)));
    }
  }

  for (const list of Object.values(plan.resources)) list.sort(compareOps);
  plan.access.gained.sort(compareAccess);
  plan.access.lost.sort(compareAccess);
  plan.due.sort(compareDue);

  const limit = Math.max(10, Math.floor(input.base.total / 10));
  const findings = [...input.findings];
  if (deletions > limit && input.allowDeletions < deletions) {
    findings.push({
      rule: MASS_DELETION, severity: 'error', file: input.orgFile, line: 1, column: 1, identity: null,
      message: `this change deletes ${deletions} identities, more than the guard allows (max(10, 10 % of ${input.base.total}) = ${limit}); if that is intended, have a security owner approve it and rerun with --allow-deletions ${deletions}`,
    });
  }
  return {
    ...plan,
    fingerprint: fingerprint(plan.resources, headResources),
    deletions: { count: deletions, limit, allowed: input.allowDeletions },
    findings: findings.sort(compareFindings),
  };
}

/** Grants gained and lost, wildcards expanded: widening `s3:GetObject` to `s3:Get*` lists every action it adds. */
export function diffAccess(name: string, before: MachineIdentity | null, after: MachineIdentity | null, now: number, catalog: IamCatalog): { gained: AccessChange[]; lost: AccessChange[] } {
  const b = liveGrants(name, before, now, catalog);
  const a = liveGrants(name, after, now, catalog);
  return { gained: [...a].filter(([k]) => !b.has(k)).map(([, v]) => v), lost: [...b].filter(([k]) => !a.has(k)).map(([, v]) => v) };
}

function liveGrants(name: string, data: MachineIdentity | null, now: number, catalog: IamCatalog): Map<string, AccessChange> {
  const out = new Map<string, AccessChange>();
  // A suspended identity's bindings are removed and its keys disabled: it holds nothing.
  if (!data || (data.spec.status ?? 'active') !== 'active') return out;
  for (const g of effectiveAccess(data, now, catalog).grants) {
    const grant = grantText(g);
    const k = `${g.target}\u0000${grant}`;
    const prev = out.get(k);
    // The same grant from spec.access and an elevation: the permanent one is what matters.
    if (prev === undefined || (prev.elevation !== undefined && g.elevation === null)) out.set(k, { identity: name, target: g.target, grant, ...(g.elevation === null ? {} : { elevation: g.elevation }) });
  }
  return out;
}

export function compareAccess(a: AccessChange, b: AccessChange): number {
  return a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : a.grant < b.grant ? -1 : a.grant > b.grant ? 1 : 0;
}

/**
 * sha256 over every operation and the exact inputs it applies, in a canonical order: apply
 * recomputes it from the merged revision and refuses when the two differ.
 */
export function fingerprint(resources: Plan['resources'], head: ReadonlyMap<string, DesiredResource>): string {
  const lines: string[] = [];
  for (const action of ['create', 'update', 'replace', 'delete'] as const) {
    for (const op of resources[action] as ResourceOp[]) {
      const r = head.get(`${op.type}\u0000${op.name}`);
      lines.push(JSON.stringify([action, op.type, op.name, op.from ?? null, action === 'delete' || !r ? null : canonical({ provider: r.provider, inputs: r.inputs })]));
    }
  }
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** JSON with keys sorted at every level, so equal data hashes equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

