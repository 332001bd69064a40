// IAM permission policies → spec.access.aws.permissions. Each Allow statement with Action and Resource
// (and a Condition as written) becomes one entry, exactly as renderAwsPolicy would compile it back.
// A Deny, NotAction, NotResource or a value the schema cannot hold is reported with the statement:
// dropping a Deny while keeping the Allow it carves out of would widen access, so it is never silent.
// The schema's limits (100 actions or resources per entry, 100 entries) are met by splitting an entry
// (the same grants) and, only when over 100 entries, merging entries with the same resources and
// conditions; what still does not fit is reported, never cut off silently.

import type { AwsPermissions } from '../../../manifest/machine-identity.generated.js';
import type { NotExpressible, Origin } from '../types.js';
import { isObject, listOf, stringsOf, type Json, type PolicyDocument } from './aws-policy-document.js';
import { notExpressible } from './aws-statement.js';
import { fits } from './schema-fit.js';

type Permission = AwsPermissions[number];
type Conditions = NonNullable<Permission['conditions']>;

/** One policy the principal holds, named as its origin comment will name it. */
export interface SourcedPolicy {
  source: string;
  doc: PolicyDocument;
}

export interface PermissionsRead {
  permissions: Permission[];
  notExpressible: NotExpressible[];
  origins: Origin[];
}

const LIMIT = 100;
const CONDITION_LIMIT = 20;

export function readPermissions(policies: readonly SourcedPolicy[]): PermissionsRead {
  const ne: NotExpressible[] = [];
  const entries: { p: Permission; from: string[] }[] = [];
  for (const { source, doc } of policies)
    for (const statement of doc.Statement) {
      const read = readStatement(statement);
      if (typeof read === 'string') ne.push(notExpressible(source, statement, read));
      else for (const p of split(read)) entries.push({ p, from: [source] });
    }
  let list = unique(entries);
  if (list.length > LIMIT)
    list = unique(mergeSameResources(list).flatMap(({ p, from }) => split(p).map((q) => ({ p: q, from }))));
  for (const { p, from } of list.slice(LIMIT))
    ne.push(
      notExpressible(
        from.join('; '),
        renderStatement(p),
        `a manifest holds at most ${LIMIT} permission entries, even after merging those with the same ` +
          "resources and conditions: narrow the principal's policies",
      ),
    );
  list = list.slice(0, LIMIT);
  return {
    permissions: list.map((e) => e.p),
    notExpressible: ne,
    origins: list.map((e, i) => ({ path: ['aws', 'permissions', i], from: e.from.join('; ') })),
  };
}

/** The entry a statement compiles back from, or why there is none. */
function readStatement(s: { [k: string]: Json }): Permission | string {
  if (s.Effect !== 'Allow')
    return (
      'a Deny has no manifest form, and the manifest grants without it would be wider than the live policy: ' +
      'narrow the Allow statements it carves out of, or keep the Deny outside idac'
    );
  if (s.NotAction !== undefined)
    return 'NotAction grants every action except those listed; a manifest lists the actions it grants';
  if (s.NotResource !== undefined)
    return 'NotResource grants on every resource except those listed; a manifest lists the resources';
  if (s.Principal !== undefined || s.NotPrincipal !== undefined)
    return 'a permission policy statement names a principal, which only resource policies do';
  const actions = stringsOf(s.Action);
  const resources = stringsOf(s.Resource);
  if (actions === null || actions.length === 0) return 'the statement has no Action list of strings';
  if (resources === null || resources.length === 0) return 'the statement has no Resource list of strings';
  const badAction = actions.find((a) => !fits('awsAction', a));
  if (badAction !== undefined) return `the action ${JSON.stringify(badAction)} is not service:action or *`;
  const badResource = resources.find((r) => !fits('awsResource', r));
  if (badResource !== undefined) return `the resource ${JSON.stringify(badResource)} is not an ARN or *`;
  const conditions = s.Condition === undefined ? null : readConditions(s.Condition);
  if (typeof conditions === 'string') return conditions;
  return {
    actions: [...new Set(actions)],
    resources: [...new Set(resources)],
    ...(conditions !== null ? { conditions } : {}),
  };
}

function readConditions(c: Json): Conditions | string {
  const shape = 'its Condition block is not operator → key → value or list of values, as a manifest writes it';
  if (!isObject(c)) return shape;
  const ops = Object.entries(c);
  if (ops.length === 0 || ops.length > CONDITION_LIMIT)
    return `a manifest condition holds 1 to ${CONDITION_LIMIT} operators`;
  for (const [op, block] of ops) {
    if (!isObject(block) || op.length > 64) return shape;
    const keys = Object.entries(block);
    if (keys.length === 0 || keys.length > CONDITION_LIMIT || keys.some(([k]) => k.length > 128))
      return `a manifest condition holds 1 to ${CONDITION_LIMIT} keys per operator`;
    for (const [, v] of keys) {
      const values = listOf(v);
      if (values.length === 0 || values.length > LIMIT) return `a manifest condition value lists 1 to ${LIMIT} values`;
      if (
        !values.every(
          (x) => typeof x === 'number' || typeof x === 'boolean' || (typeof x === 'string' && x.length <= 1024),
        )
      )
        return shape;
    }
  }
  return c as Conditions;
}

/** An entry over the 100-item limits as entries within them granting exactly the same (actions × resources). */
function split(p: Permission): Permission[] {
  const out: Permission[] = [];
  for (const actions of chunks(p.actions))
    for (const resources of chunks(p.resources)) out.push({ ...p, actions, resources });
  return out;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += LIMIT) out.push(list.slice(i, i + LIMIT));
  return out;
}

const keyOf = (p: Permission): string =>
  JSON.stringify([[...p.actions].sort(), [...p.resources].sort(), p.conditions ?? null]);

/** The same grant twice (an inline policy and a group's, say) is one entry, naming both origins. */
function unique(list: { p: Permission; from: string[] }[]): { p: Permission; from: string[] }[] {
  const byKey = new Map<string, { p: Permission; from: string[] }>();
  for (const e of list) {
    const k = keyOf(e.p);
    const seen = byKey.get(k);
    if (seen) for (const f of e.from) if (!seen.from.includes(f)) seen.from.push(f);
    if (!seen) byKey.set(k, { p: e.p, from: [...e.from] });
  }
  return [...byKey.values()];
}

/** Entries with the same resources and conditions as one (their actions united): the same grants. */
function mergeSameResources(list: { p: Permission; from: string[] }[]): { p: Permission; from: string[] }[] {
  const byKey = new Map<string, { p: Permission; from: string[] }>();
  for (const e of list) {
    const k = JSON.stringify([[...e.p.resources].sort(), e.p.conditions ?? null]);
    const seen = byKey.get(k);
    if (!seen) byKey.set(k, { p: { ...e.p, actions: [...e.p.actions] }, from: [...e.from] });
    else {
      for (const a of e.p.actions) if (!seen.p.actions.includes(a)) seen.p.actions.push(a);
      for (const f of e.from) if (!seen.from.includes(f)) seen.from.push(f);
    }
  }
  return [...byKey.values()];
}

function renderStatement(p: Permission): Json {
  return {
    Effect: 'Allow',
    Action: p.actions,
    Resource: p.resources,
    ...(p.conditions !== undefined ? { Condition: p.conditions as Json } : {}),
  };
}
