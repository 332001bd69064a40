// The plan: pair the identities of two revisions by name (and by metadata.renamedFrom), then diff
// their fields, their effective access and their compiled resources. Pure: the caller reads the
// revisions and loads the AWS reference data for the services they name.

import { createHash } from 'node:crypto';
import { conditionsKey, type AwsConditions } from '../access/aws-conditions.js';
import { effectiveAccess, grantText, type Grant } from '../access/model.js';
import type { IamCatalog } from '../access/iam-catalog.js';
import { compileIdentity } from '../compile/index.js';
import { staticCredentialKinds } from '../compile/rotation.js';
import type { DesiredResource } from '../compile/types.js';
import { cmp as byText, compareFindings, formatPath, type Finding, type Path } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OrgModel, OrgSpec } from '../model/org.js';
import boundaryEverything from '../rules/plan/boundary-widened-to-everything.js';
import massDeletion from '../rules/plan/mass-deletion.js';
import { reportFinding } from '../rules/engine.js';
import type { MessageData } from '../rules/types.js';
import { isoInstant } from '../common/time.js';
import { diffFields } from './diff-fields.js';
import { diffOrganization } from './diff-org.js';
import { diffTrust } from './diff-trust.js';
import { withAdoption } from './adopt.js';
import { compareOps, diffResources } from './diff-resources.js';
import { compareDue, dueItems } from './due.js';
import {
  RESOURCE_ACTIONS,
  type AccessChange,
  type AccessPattern,
  type Due,
  type Plan,
  type ResourceOp,
} from './types.js';

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
  /** org.yaml's Vault CA certificates in this revision (name → PEM), for cert auth roles. */
  certificateAuthorities?: ReadonlyMap<string, string>;
  /** The identities the change touches (changed files, and those an org.yaml change affects). */
  identities: readonly IdentityState[];
}

export interface PlanInput {
  base: Side & {
    sha: string;
    /** MachineIdentity files in the base revision, for the deletion guard. */ total: number;
  };
  head: Side & { sha: string | null };
  now: number;
  window: { ms: number; text: string };
  allowDeletions: number;
  /** The head revision's findings for what the change touches. */
  findings: readonly Finding[];
  catalog: IamCatalog;
  /** Where the deletion guard's finding points (the identities folder's org.yaml). */
  orgFile: string;
  /**
   * org.yaml on both sides when it changed (null on a side where it is absent), or null when it did
   * not change or a side does not load (its findings say why). `locate` places a data path of the
   * head org.yaml; `withheld`: either side holds a secret, so no value of it may appear.
   */
  organization: {
    before: OrgSpec | null;
    after: OrgSpec | null;
    withheld: boolean;
    locate: (path: Path) => { line: number; column: number };
  } | null;
}

export const WITHHELD = '[withheld: this file holds a secret]';

/** Each side's identities compiled once, on demand: the plan and apply's refusals share them. */
export type Compiled = (side: 'base' | 'head', data: MachineIdentity) => DesiredResource[];

export function compiler(input: Pick<PlanInput, 'now' | 'base' | 'head'>): Compiled {
  const cache = new Map<MachineIdentity, DesiredResource[]>();
  return (side, data) => {
    let list = cache.get(data);
    if (list === undefined) {
      const { org, certificateAuthorities } = input[side];
      list = compileIdentity(data, {
        now: input.now,
        org,
        ...(certificateAuthorities ? { certificateAuthorities } : {}),
      });
      cache.set(data, list);
    }
    return list;
  };
}

export function buildPlan(input: PlanInput, compile: Compiled = compiler(input)): Plan {
  const { now } = input;
  const baseByName = new Map(input.base.identities.map((s) => [s.name, s]));
  const headByName = new Map(input.head.identities.map((s) => [s.name, s]));

  // A rename pairs the head identity with the base identity it names, when that name is gone.
  const renamedFrom = new Map<string, string>();
  for (const h of input.head.identities) {
    const old = h.data?.metadata.renamedFrom;
    if (old !== undefined && old !== h.name && baseByName.has(old) && !headByName.has(old) && !baseByName.has(h.name))
      renamedFrom.set(h.name, old);
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
    organization: [],
    access: { gained: [], lost: [], patterns: [] },
    resources: { adopt: [], create: [], update: [], replace: [], delete: [] },
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
      if (changes.length > 0)
        plan.identities.changed.push({
          name,
          changes: withheld ? changes.map((c) => ({ path: c.path, before: WITHHELD, after: WITHHELD })) : changes,
        });
    }
    if (before && (!after || after.spec.status === 'decommissioned') && before.spec.status !== 'decommissioned')
      deletions++;

    const access = diffAccess(name, before, after, now, input.catalog, true);
    plan.access.gained.push(...access.gained.map((a) => (withheld ? { ...unconditioned(a), grant: WITHHELD } : a)));
    plan.access.lost.push(...access.lost.map((a) => (withheld ? { ...unconditioned(a), grant: WITHHELD } : a)));
    plan.access.patterns.push(
      ...access.patterns.map((p) =>
        withheld
          ? { ...unconditioned(p), pattern: WITHHELD, resource: WITHHELD, grants: p.grants.map(() => WITHHELD) }
          : p,
      ),
    );

    const baseRes = before ? compile('base', before) : [];
    const headRes = after ? compile('head', after) : [];
    for (const r of headRes) headResources.set(`${r.type}\u0000${r.name}`, r);
    const ops = withAdoption(diffResources(baseRes, headRes), headRes, after);
    for (const action of RESOURCE_ACTIONS)
      plan.resources[action].push(...ops[action].map((op) => (withheld ? withheldOp(op) : op)));

    if (after && after.spec.status !== 'decommissioned') {
      const had = new Set(before && before.spec.status !== 'decommissioned' ? staticCredentialKinds(before) : []);
      for (const kind of staticCredentialKinds(after))
        if (!had.has(kind)) plan.newStaticCredentials.push({ identity: name, kind });
      plan.due.push(
        ...dueItems(after, input.head.org, now, input.window.ms).map((d): Due =>
          withheld ? { ...d, detail: WITHHELD } : d,
        ),
      );
    }
  }

  for (const list of Object.values(plan.resources)) list.sort(compareOps);
  plan.access.gained.sort(compareAccess);
  plan.access.lost.sort(compareAccess);
  plan.access.patterns.sort(comparePatterns);
  plan.due.sort(compareDue);

  const limit = Math.max(10, Math.floor(input.base.total / 10));
  const findings = [...input.findings];
  const org = input.organization;
  if (org) {
    const { changes, unbounded } = diffOrganization(org.before, org.after);
    plan.organization = org.withheld
      ? changes.map((c) => ({ ...c, before: WITHHELD, after: WITHHELD, summary: WITHHELD }))
      : changes;
    for (const u of unbounded) {
      const { line, column } = org.locate(u.path);
      const said: { messageId: string; data: MessageData } = org.withheld
        ? { messageId: 'widenedWithheld', data: { team: u.team } }
        : { messageId: 'widened', data: { change: u.message } };
      const at = formatPath(u.path);
      findings.push(
        reportFinding(boundaryEverything.meta.id, input.orgFile, null, line, column, said.messageId, said.data, at),
      );
    }
  }
  if (deletions > limit && input.allowDeletions < deletions) {
    findings.push(
      reportFinding(massDeletion.meta.id, input.orgFile, null, 1, 1, 'tooManyDeletions', {
        count: deletions,
        total: input.base.total,
        limit,
      }),
    );
  }
  return {
    ...plan,
    fingerprint: fingerprint(plan.resources, headResources),
    deletions: { count: deletions, limit, allowed: input.allowDeletions },
    findings: findings.sort(compareFindings),
  };
}

/** An adopted object's live id and an exclusive resource's policy names come from the file: withheld with it. */
function withheldOp(op: ResourceOp): ResourceOp {
  return {
    ...op,
    ...(op.id === undefined ? {} : { id: WITHHELD }),
    ...(op.detail === undefined ? {} : { detail: WITHHELD }),
  };
}

/** Without its conditions: a withheld file shows none of its text, condition values included. */
function unconditioned<T extends { conditions?: AwsConditions }>(x: T): Omit<T, 'conditions'> {
  const { conditions: _, ...rest } = x;
  return rest;
}

/**
 * Grants gained and lost, wildcards expanded: widening `s3:GetObject` to `s3:Get*` lists every action
 * it adds; with `patterns`, also the same pairs grouped by the grant as written that gives them
 * (history asks only for the pairs, once per commit and identity). Who can become the identity is
 * access too (target `assume`, diff-trust.ts).
 */
export function diffAccess(
  name: string,
  before: MachineIdentity | null,
  after: MachineIdentity | null,
  now: number,
  catalog: IamCatalog,
): { gained: AccessChange[]; lost: AccessChange[] };
export function diffAccess(
  name: string,
  before: MachineIdentity | null,
  after: MachineIdentity | null,
  now: number,
  catalog: IamCatalog,
  withPatterns: true,
): { gained: AccessChange[]; lost: AccessChange[]; patterns: AccessPattern[] };
export function diffAccess(
  name: string,
  before: MachineIdentity | null,
  after: MachineIdentity | null,
  now: number,
  catalog: IamCatalog,
  withPatterns = false,
): { gained: AccessChange[]; lost: AccessChange[]; patterns?: AccessPattern[] } {
  const b = liveGrants(name, before, now, catalog, withPatterns);
  const a = liveGrants(name, after, now, catalog, withPatterns);
  const gained = [...a.live].filter(([k]) => !b.live.has(k)).map(([, v]) => v);
  const lost = [...b.live].filter(([k]) => !a.live.has(k)).map(([, v]) => v);
  const trust = diffTrust(name, before, after);
  const pairs = {
    gained: [...gained.map((g) => g.change), ...trust.gained],
    lost: [...lost.map((g) => g.change), ...trust.lost],
  };
  // buildPlan sorts every identity's patterns together.
  return withPatterns
    ? {
        ...pairs,
        patterns: [
          ...patternsOf(name, gained, 'gained', a.expansions),
          ...patternsOf(name, lost, 'lost', b.expansions),
          ...trust.patterns,
        ],
      }
    : pairs;
}

interface Live {
  change: AccessChange;
  /** The first grant as written that gives it. */
  source: Grant;
}

interface LiveGrants {
  /** Each exact grant once, by target and grant text. */
  live: Map<string, Live>;
  /** Every exact grant each pattern as written gives (by patternKey), whether or not another pattern gives it too. */
  expansions: Map<string, Set<string>>;
}

function liveGrants(
  name: string,
  data: MachineIdentity | null,
  now: number,
  catalog: IamCatalog,
  withExpansions: boolean,
): LiveGrants {
  const out = new Map<string, Live>();
  const expansions = new Map<string, Set<string>>();
  // A suspended identity's bindings are removed and its keys disabled: it holds nothing.
  if (!data || (data.spec.status ?? 'active') !== 'active') return { live: out, expansions };
  for (const g of effectiveAccess(data, now, catalog).grants) {
    const grant = grantText(g);
    if (withExpansions) {
      const pk = patternKey(g.target, written(g), g.elevation ?? undefined, g.target === 'aws' ? g.conditions : null);
      let set = expansions.get(pk);
      if (set === undefined) expansions.set(pk, (set = new Set()));
      set.add(grant);
    }
    const conditions = g.target === 'aws' ? g.conditions : null;
    // A grant under conditions is another grant than the same pair without them (or under others).
    const k = `${g.target}\u0000${grant}\u0000${conditionsKey(conditions)}`;
    const prev = out.get(k);
    // The same grant from spec.access and an elevation: the permanent one is what matters.
    if (prev === undefined || (prev.change.elevation !== undefined && g.elevation === null)) {
      out.set(k, {
        change: {
          identity: name,
          target: g.target,
          grant,
          ...(conditions === null ? {} : { conditions }),
          ...(g.elevation === null ? {} : { elevation: g.elevation }),
        },
        source: g,
      });
    }
  }
  return { live: out, expansions };
}

function patternKey(
  target: AccessChange['target'],
  w: { pattern: string; resource: string },
  elevation: number | undefined,
  conditions: AwsConditions | null | undefined,
): string {
  return JSON.stringify([target, w.pattern, w.resource, elevation ?? null, conditionsKey(conditions ?? null)]);
}

/** The written pattern and resource a grant comes from (see AccessPattern). */
function written(g: Grant): { pattern: string; resource: string } {
  switch (g.target) {
    case 'aws':
      return { pattern: g.declared, resource: g.resource };
    case 'kubernetes': {
      const text = grantText(g);
      return { pattern: g.verb, resource: text.slice(g.verb.length + 1) };
    }
    case 'vault':
      return { pattern: g.capability, resource: g.vaultPath };
  }
}

function patternsOf(
  name: string,
  pairs: readonly Live[],
  change: AccessPattern['change'],
  expansions: ReadonlyMap<string, ReadonlySet<string>>,
): AccessPattern[] {
  const out = new Map<string, AccessPattern>();
  for (const { change: c, source } of pairs) {
    const { pattern, resource } = written(source);
    const k = patternKey(c.target, { pattern, resource }, c.elevation, c.conditions);
    let p = out.get(k);
    if (!p) {
      const total =
        expansions.get(patternKey(source.target, { pattern, resource }, source.elevation ?? undefined, c.conditions))
          ?.size ?? 0;
      p = {
        identity: name,
        target: c.target,
        pattern,
        resource,
        count: 0,
        total,
        change,
        ...(c.conditions === undefined ? {} : { conditions: c.conditions }),
        ...(c.elevation === undefined ? {} : { elevation: c.elevation }),
        grants: [],
      };
      out.set(k, p);
    }
    p.count += 1;
    p.grants.push(c.grant);
  }
  for (const p of out.values()) p.grants.sort(byText);
  return [...out.values()];
}

/** Per identity, gained before lost; then target, pattern, resource, elevation. */
function comparePatterns(a: AccessPattern, b: AccessPattern): number {
  return (
    byText(a.identity, b.identity) ||
    byText(a.change, b.change) ||
    byText(a.target, b.target) ||
    byText(a.pattern, b.pattern) ||
    byText(a.resource, b.resource) ||
    (a.elevation ?? -1) - (b.elevation ?? -1) ||
    byText(conditionsKey(a.conditions ?? null), conditionsKey(b.conditions ?? null))
  );
}

export function compareAccess(a: AccessChange, b: AccessChange): number {
  return (
    byText(a.identity, b.identity) ||
    byText(a.target, b.target) ||
    byText(a.grant, b.grant) ||
    byText(conditionsKey(a.conditions ?? null), conditionsKey(b.conditions ?? null))
  );
}

/**
 * sha256 over every operation and the exact inputs it applies, in a canonical order: apply
 * recomputes it from the merged revision and refuses when the two differ.
 */
export function fingerprint(resources: Plan['resources'], head: ReadonlyMap<string, DesiredResource>): string {
  const lines: string[] = [];
  for (const action of RESOURCE_ACTIONS) {
    for (const op of resources[action]) {
      const r = head.get(`${op.type}\u0000${op.name}`);
      lines.push(
        JSON.stringify([
          action,
          op.type,
          op.name,
          op.from ?? null,
          action === 'delete' || !r ? null : canonical({ provider: r.provider, inputs: r.inputs }),
          // Which live object is taken over is part of what was reviewed (kept out of the other lines,
          // so their fingerprints stay what they were).
          ...(action === 'adopt' ? [op.id ?? null] : []),
        ]),
      );
    }
  }
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** JSON with keys sorted at every level, so equal data hashes equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
