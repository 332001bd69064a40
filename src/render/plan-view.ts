// What the plan renderers share: the plan regrouped per identity, and a field value shown in one
// short line. Presentation only: every decision about what changed was made by src/plan/.

import { conditionsText, type AwsConditions } from '../access/aws-conditions.js';
import { cmp as byText } from '../common/findings.js';
import { plural } from './findings-report.js';
import { diffWordsWithSpace } from 'diff';
import type {
  AccessChange,
  AccessPattern,
  Due,
  FieldChange,
  OrgChange,
  OrgEffect,
  Plan,
  ResourceAction,
  ResourceOp,
} from '../plan/types.js';
import { RESOURCE_ACTIONS } from '../plan/types.js';
import type { StaticCredentialKind } from '../compile/types.js';

export type IdentityState = 'added' | 'removed' | 'renamed' | 'changed' | 'unplanned' | 'affected';

export interface ResourceStep {
  action: ResourceAction;
  op: ResourceOp;
}

/** One identity's share of a plan, for its own block or section. */
export interface IdentityView {
  name: string;
  /**
   * `affected`: the manifest did not change, yet its access, resources or due dates do (org change, elevation window,
   * rotation).
   */
  state: IdentityState;
  renamedFrom?: string;
  /** unplanned: the head manifest that does not compile. */
  file?: string;
  /** `spec.status` as the change leaves it, when the change sets it. */
  status?: string;
  changes: FieldChange[];
  gained: AccessChange[];
  lost: AccessChange[];
  /** The same grants as written, gained then lost (plan order). */
  patterns: AccessPattern[];
  resources: ResourceStep[];
  due: Due[];
  newStatic: StaticCredentialKind[];
}

/** Every identity the plan touches, sorted by name; lists keep the plan's own order. */
export function identityViews(plan: Plan): IdentityView[] {
  const views = new Map<string, IdentityView>();
  const view = (name: string): IdentityView => {
    let v = views.get(name);
    if (!v) {
      v = {
        name,
        state: 'affected',
        changes: [],
        gained: [],
        lost: [],
        patterns: [],
        resources: [],
        due: [],
        newStatic: [],
      };
      views.set(name, v);
    }
    return v;
  };
  for (const c of plan.identities.changed) {
    const v = view(c.name);
    v.state = 'changed';
    v.changes = c.changes;
    const status = c.changes.find((f) => f.path === 'spec.status');
    if (typeof status?.after === 'string') v.status = status.after;
  }
  for (const r of plan.identities.renamed) Object.assign(view(r.to), { state: 'renamed', renamedFrom: r.from });
  for (const name of plan.identities.added) view(name).state = 'added';
  for (const name of plan.identities.removed) view(name).state = 'removed';
  for (const u of plan.identities.unplanned) Object.assign(view(u.name), { state: 'unplanned', file: u.file });
  for (const a of plan.access.gained) view(a.identity).gained.push(a);
  for (const a of plan.access.lost) view(a.identity).lost.push(a);
  for (const p of plan.access.patterns) view(p.identity).patterns.push(p);
  for (const action of RESOURCE_ACTIONS)
    for (const op of plan.resources[action]) view(op.identity).resources.push({ action, op });
  for (const d of plan.due) view(d.identity).due.push(d);
  for (const s of plan.newStaticCredentials) view(s.identity).newStatic.push(s.kind);
  return [...views.values()].sort((a, b) => byText(a.name, b.name));
}

/** Per target, how many grants: `aws +3` — in the order aws, kubernetes, vault, assume. */
export function countByTarget(changes: readonly AccessChange[]): [AccessChange['target'], number][] {
  const counts = new Map<AccessChange['target'], number>();
  for (const c of changes) counts.set(c.target, (counts.get(c.target) ?? 0) + 1);
  return (['aws', 'kubernetes', 'vault', 'assume'] as const).flatMap((t) =>
    counts.has(t) ? [[t, counts.get(t)!] as [AccessChange['target'], number]] : [],
  );
}

/**
 * A grant as written in one line: `s3:Get* → 31 actions on arn:…` when it stands for more than the
 * one exact grant it names, else the grant itself (`s3:PutObject on arn:…`, `get pods in c/ns`).
 */
export function patternText(p: AccessPattern): string {
  const simple = simpleText(p);
  if (!isCondensed(p)) return `${simple}${onlyWhen(p)}`;
  return `${p.pattern} → ${expansionCount(p)} on ${p.resource}${onlyWhen(p)}${partOf(p)}`;
}

/** ` only when aws:SourceVpc = vpc-1` for a grant under conditions, else ''. */
export function onlyWhen(p: { conditions?: AwsConditions }): string {
  return p.conditions === undefined ? '' : ` only when ${conditionsText(p.conditions)}`;
}

/** `31 actions`: the whole expansion of the pattern on its resource. */
export function expansionCount(p: AccessPattern): string {
  return plural(p.total, p.target === 'aws' ? 'action' : 'grant');
}

/** ` (30 new)` where some of the expansion was held before (gained) or is still held (lost), else ''. */
export function partOf(p: AccessPattern): string {
  return p.count === p.total ? '' : ` (${p.count} ${p.change === 'gained' ? 'new' : 'no longer held'})`;
}

/** Whether the pattern stands for grants other than itself, so a reader may want the exact list. */
export function isCondensed(p: AccessPattern): boolean {
  return p.count !== 1 || p.total !== 1 || p.grants[0] !== simpleText(p);
}

/** The one grant a pattern names when it stands for nothing more (the plan's grant text). */
function simpleText(p: AccessPattern): string {
  switch (p.target) {
    case 'kubernetes':
      return `${p.pattern} ${p.resource}`;
    case 'assume':
      return `${p.pattern} can become ${p.resource}`;
    default:
      return `${p.pattern} on ${p.resource}`;
  }
}

/** A trust gained or lost, in words: `oidc gitlab … can now become ledger-ci` (each part escaped by the caller). */
export interface TrustLine {
  change: AccessPattern['change'];
  principal: string;
  identity: string;
}

/** Every trust the plan gains or loses (target `assume`), gained first, plan order within each. */
export function trustLines(plan: Plan): TrustLine[] {
  const lines = plan.access.patterns
    .filter((p) => p.target === 'assume')
    .map((p) => ({ change: p.change, principal: p.pattern, identity: p.identity }));
  return [...lines.filter((l) => l.change === 'gained'), ...lines.filter((l) => l.change === 'lost')];
}

/** `can now become` / `can no longer become`. */
export function becomeWords(change: AccessPattern['change']): string {
  return change === 'gained' ? 'can now become' : 'can no longer become';
}

/** Widening first: what a reviewer must weigh before what takes access away. */
const EFFECT_RANK: Record<OrgEffect, number> = { widens: 0, narrows: 1, neutral: 2 };

/** The organization changes, widening ones first, plan order within each effect. */
export function orgByEffect(changes: readonly OrgChange[]): OrgChange[] {
  return [...changes].sort((a, b) => EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect]);
}

/** `2 widen · 1 narrows · 3 neutral`, leaving out effects with none. */
export function effectCounts(changes: readonly OrgChange[]): string {
  const n = (e: OrgEffect) => changes.filter((c) => c.effect === e).length;
  return [
    [n('widens'), 'widen', 'widens'],
    [n('narrows'), 'narrow', 'narrows'],
    [n('neutral'), 'neutral', 'neutral'],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, many, one]) => `${k} ${k === 1 ? one : many}`)
    .join(' · ');
}

/** Whether the identity loses everything it has in the cloud: its file went, or it was decommissioned. */
export function isDeleted(v: IdentityView): boolean {
  return v.state === 'removed' || v.status === 'decommissioned';
}

/** Past this length a changed string is shown around what changed, not whole. */
const LONG = 80;
const CONTEXT = 24;

/**
 * A field's before and after, each as one JSON-ish line (`null` where the field is absent). Two
 * long strings are cut down to the words that differ plus some context, so a one-word edit to a
 * paragraph stays readable in one line.
 */
export function showChange(change: FieldChange): { before: string | null; after: string | null } {
  const { before, after } = change;
  if (
    typeof before === 'string' &&
    typeof after === 'string' &&
    (before.length > LONG || after.length > LONG) &&
    before.length + after.length < 20_000
  ) {
    const parts = diffWordsWithSpace(before, after);
    const first = parts[0];
    const last = parts[parts.length - 1];
    const same = (p: typeof first) => p !== undefined && !p.added && !p.removed;
    const prefix = same(first) && parts.length > 1 ? first!.value.length : 0;
    const suffix = same(last) && parts.length > 1 ? last!.value.length : 0;
    return { before: around(before, prefix, suffix), after: around(after, prefix, suffix) };
  }
  return { before: showValue(before), after: showValue(after) };
}

function around(text: string, prefix: number, suffix: number): string {
  // Context up to CONTEXT characters either side of the change, cut at a space so no word is halved.
  let start = prefix > CONTEXT ? prefix - CONTEXT : 0;
  const space = start > 0 ? text.indexOf(' ', start) : -1;
  if (space !== -1 && space < prefix) start = space + 1;
  let end = suffix > CONTEXT ? text.length - suffix + CONTEXT : text.length;
  const back = end < text.length ? text.lastIndexOf(' ', end) : -1;
  if (back > text.length - suffix) end = back;
  return (
    `"${start > 0 ? '…' : ''}${JSON.stringify(text.slice(start, end)).slice(1, -1)}` +
    `${end < text.length ? '…' : ''}"`
  );
}

/** JSON.stringify gives undefined for a function or symbol, though typed string. */
const stringify = (v: unknown): string => {
  const json = JSON.stringify(v) as string | undefined;
  return json ?? String(v);
};

export function showValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return stringify(value);
}

export { plural };
