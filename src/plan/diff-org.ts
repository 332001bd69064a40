// What a change to identities/org.yaml does to governance: each team, member, boundary entry,
// target, limit, security owner, exception and GitHub handle that changes, with whether it lets
// identities (or the people behind them) do more (`widens`), less (`narrows`) or neither. Lists
// are compared as sets, one change per entry, so a reviewer reads "adds `*`", not two long lists.

import { cmp as byText, formatPath, type Path } from '../common/findings.js';
import type { OrgSpec } from '../model/org.js';
import { vaultPathWithin } from '../access/vault-paths.js';
import { parseDate, parseDuration } from '../common/time.js';
import { diffFields, equalJson } from './diff-fields.js';
import type { OrgChange, OrgChangeKind, OrgEffect } from './types.js';

/** A team boundary that now allows everything in its dimension: the plan warns about it. */
export interface Unbounded {
  /** Where it is written in the head org.yaml (the nearest existing node when a list was dropped). */
  path: Path;
  team: string;
  message: string;
}

type Team = NonNullable<OrgSpec['teams'][string]>;
type Json = unknown;

interface Dimension {
  target: 'aws' | 'kubernetes' | 'vault';
  list: 'accounts' | 'namespaces' | 'paths' | 'domains';
  label: string;
  /** What an absent list allows. */
  any: string;
  /** What an entry allows when it allows everything of its dimension, else null. */
  everything: (entry: string) => string | null;
}

const DIMENSIONS: readonly Dimension[] = [
  {
    target: 'aws',
    list: 'accounts',
    label: 'AWS accounts',
    any: 'any AWS account',
    everything: (e) => (e === '*' ? 'every AWS account' : null),
  },
  {
    target: 'kubernetes',
    list: 'namespaces',
    label: 'Kubernetes namespaces',
    any: 'any namespace of any cluster',
    everything: (e) =>
      e === '*' || e === '*/*'
        ? 'every namespace of every cluster'
        : e.endsWith('/*')
          ? `every namespace of cluster ${e.slice(0, -2)}`
          : null,
  },
  {
    target: 'vault',
    list: 'paths',
    label: 'Vault paths',
    any: 'any Vault path',
    everything: (e) => (vaultPathWithin('*', e) ? 'every Vault path' : null),
  },
  {
    target: 'vault',
    list: 'domains',
    label: 'certificate domains',
    any: 'any certificate domain',
    everything: (e) => (e === '*' ? 'every certificate domain' : null),
  },
];

export function diffOrganization(
  before: OrgSpec | null,
  after: OrgSpec | null,
): { changes: OrgChange[]; unbounded: Unbounded[] } {
  const out: OrgChange[] = [];
  const unbounded: Unbounded[] = [];
  const add = (kind: OrgChangeKind, path: Path, b: Json, a: Json, effect: OrgEffect, summary: string) =>
    out.push({ kind, path: formatPath(path), before: b ?? null, after: a ?? null, effect, summary });
  const b = before ?? { teams: {} };
  const h = after ?? { teams: {} };

  // Security owners review org.yaml, schema/ and exceptions, and approve elevations.
  const owners = setDiff(b.securityOwners, h.securityOwners);
  for (const e of owners.added)
    add(
      'security-owner',
      ['spec', 'securityOwners'],
      null,
      e,
      'widens',
      `${e} becomes a security owner (approves elevations and exceptions, reviews org.yaml)`,
    );
  for (const e of owners.removed)
    add('security-owner', ['spec', 'securityOwners'], e, null, 'narrows', `${e} is no longer a security owner`);

  // A GitHub login is the account CODEOWNERS trusts to approve as that person.
  for (const email of keys(b.githubLogins, h.githubLogins)) {
    const x = b.githubLogins?.[email];
    const y = h.githubLogins?.[email];
    if (x === y) continue;
    const path = ['spec', 'githubLogins', email];
    if (x === undefined)
      add(
        'github-login',
        path,
        null,
        y,
        'widens',
        `${email} is GitHub login ${y}: that account approves as ${email} in CODEOWNERS`,
      );
    else if (y === undefined)
      add(
        'github-login',
        path,
        x,
        null,
        'neutral',
        `${email} no longer has a GitHub login (CODEOWNERS names the e-mail)`,
      );
    else
      add(
        'github-login',
        path,
        x,
        y,
        'widens',
        `${email}'s GitHub login ${x} → ${y}: another account approves as ${email}`,
      );
  }

  for (const t of keys(b.teams, h.teams)) diffTeam(t, b.teams[t], h.teams[t], add, unbounded);
  diffTargets(b.targets, h.targets, add);
  diffLimits(b.limits, h.limits, add);
  diffExceptions(b.exceptions ?? [], h.exceptions ?? [], add);

  const known = new Set(['securityOwners', 'githubLogins', 'teams', 'targets', 'limits', 'exceptions']);
  for (const k of keys(b, h)) {
    if (known.has(k)) continue;
    for (const c of diffFields((b as Record<string, Json>)[k] ?? null, (h as Record<string, Json>)[k] ?? null)) {
      const path = c.path === '' ? `spec.${k}` : c.path.startsWith('[') ? `spec.${k}${c.path}` : `spec.${k}.${c.path}`;
      out.push({
        kind: 'other',
        path,
        before: c.before,
        after: c.after,
        effect: 'neutral',
        summary: `${path}: ${brief(c.before)} → ${brief(c.after)}`,
      });
    }
  }
  return { changes: out.sort(compareOrgChanges), unbounded };
}

type Add = (kind: OrgChangeKind, path: Path, before: Json, after: Json, effect: OrgEffect, summary: string) => void;

function diffTeam(t: string, x: Team | undefined, y: Team | undefined, add: Add, unbounded: Unbounded[]): void {
  const path: Path = ['spec', 'teams', t];
  if (!x && !y) return;
  if (!x) {
    add(
      'team',
      path,
      null,
      y,
      'widens',
      `team ${t} added with ${plural(y!.members.length, 'member')}` +
        (y!.boundaries ? '' : ' and no boundaries (its identities may reach anything)'),
    );
    DIMENSIONS.forEach((d) =>
      (y!.boundaries?.[d.target] as Record<string, string[]> | undefined)?.[d.list]?.forEach((e, i) => {
        const all = d.everything(e);
        if (all)
          unbounded.push({
            path: [...path, 'boundaries', d.target, d.list, i],
            team: t,
            message: `new team ${t}'s ${d.label} boundary allows ${all} (${JSON.stringify(e)})`,
          });
      }),
    );
    return;
  }
  if (!y) {
    add('team', path, x, null, 'narrows', `team ${t} removed`);
    return;
  }
  const members = setDiff(x.members, y.members);
  for (const m of members.added)
    add(
      'member',
      [...path, 'members'],
      null,
      m,
      'widens',
      `${m} joins team ${t} (may own its identities and approve their changes)`,
    );
  for (const m of members.removed) add('member', [...path, 'members'], m, null, 'narrows', `${m} leaves team ${t}`);
  if (x.github !== y.github) {
    add(
      'team-github',
      [...path, 'github'],
      x.github,
      y.github,
      y.github === undefined ? 'neutral' : 'widens',
      y.github === undefined
        ? `team ${t} no longer has a GitHub handle (CODEOWNERS names its members)`
        : `team ${t}'s GitHub handle ${x.github ?? '(none)'} → ${y.github}: that GitHub team approves its ` +
            `identities' changes`,
    );
  }
  for (const d of DIMENSIONS) {
    const at: Path = [...path, 'boundaries', d.target, d.list];
    const bl = (x.boundaries?.[d.target] as Record<string, string[]> | undefined)?.[d.list];
    const hl = (y.boundaries?.[d.target] as Record<string, string[]> | undefined)?.[d.list];
    if (bl === undefined && hl === undefined) continue;
    const hadAll = (bl ?? []).some((e) => d.everything(e) !== null);
    if (bl === undefined) {
      const all = hl!.some((e) => d.everything(e) !== null);
      add(
        'boundary',
        at,
        null,
        hl,
        all ? 'neutral' : 'narrows',
        `team ${t}'s ${d.label} boundary set to ${list(hl!)} (was ${d.any})`,
      );
      continue;
    }
    if (hl === undefined) {
      add(
        'boundary',
        at,
        bl,
        null,
        hadAll ? 'neutral' : 'widens',
        `team ${t}'s ${d.label} boundary removed: ${d.any} is allowed`,
      );
      if (!hadAll)
        unbounded.push({
          path: at,
          team: t,
          message: `team ${t}'s ${d.label} boundary is removed, so its identities may use ${d.any}`,
        });
      continue;
    }
    const entries = setDiff(bl, hl);
    for (const e of entries.added) {
      const all = d.everything(e);
      add(
        'boundary',
        at,
        null,
        e,
        'widens',
        `team ${t}'s ${d.label} boundary adds ${JSON.stringify(e)}${all ? ` (${all})` : ''}`,
      );
      if (all && !hadAll)
        unbounded.push({
          path: [...at, hl.indexOf(e)],
          team: t,
          message: `team ${t}'s ${d.label} boundary is widened to ${all} (${JSON.stringify(e)})`,
        });
    }
    for (const e of entries.removed)
      add('boundary', at, e, null, 'narrows', `team ${t}'s ${d.label} boundary drops ${JSON.stringify(e)}`);
  }
}

/** Leaves whose addition lets identities trust or reach more: an OIDC provider, a Vault mount. */
const GRANTING = /^spec\.targets\.(aws\.[^.]+\.oidcProviders|vault\.mounts)\.[^.]+$/;

function diffTargets(x: OrgSpec['targets'], y: OrgSpec['targets'], add: Add): void {
  for (const kind of ['aws', 'kubernetes'] as const) {
    const bx = (x?.[kind] ?? {}) as Record<string, Json>;
    const by = (y?.[kind] ?? {}) as Record<string, Json>;
    const what = kind === 'aws' ? 'AWS account' : 'Kubernetes cluster';
    for (const id of keys(bx, by)) {
      const path: Path = ['spec', 'targets', kind, id];
      const a = bx[id];
      const b = by[id];
      if (a === undefined)
        add('target', path, null, b, 'widens', `${what} ${id} becomes a target: identities may be placed in it`);
      else if (b === undefined) add('target', path, a, null, 'narrows', `${what} ${id} is no longer a target`);
      else leafChanges(path, a, b, add, `${what} ${id}`);
    }
  }
  leafChanges(['spec', 'targets', 'vault'], x?.vault ?? null, y?.vault ?? null, add, 'Vault');
  const rest = keys(x as Record<string, Json> | undefined, y as Record<string, Json> | undefined).filter(
    (k) => !['aws', 'kubernetes', 'vault'].includes(k),
  );
  for (const k of rest)
    leafChanges(
      ['spec', 'targets', k],
      (x as Record<string, Json>)[k] ?? null,
      (y as Record<string, Json>)[k] ?? null,
      add,
      `targets.${k}`,
    );
}

/** One target change per leaf; added OIDC providers and Vault mounts widen. */
function leafChanges(base: Path, x: Json, y: Json, add: Add, what: string): void {
  const bx = leaves(x, base);
  const by = leaves(y, base);
  for (const k of [...new Set([...bx.keys(), ...by.keys()])].sort()) {
    const a = bx.get(k);
    const b = by.get(k);
    if (a && b && equalJson(a.value, b.value)) continue;
    const path = (b ?? a)!.path;
    const name = formatPath(path.slice(base.length));
    const granting = GRANTING.test(k);
    const effect: OrgEffect = !granting ? 'neutral' : !a ? 'widens' : !b ? 'narrows' : 'widens';
    add(
      'target',
      path,
      a?.value,
      b?.value,
      effect,
      `${what}: ${name} ${brief(a?.value ?? null)} → ${brief(b?.value ?? null)}`,
    );
  }
}

function diffLimits(x: OrgSpec['limits'], y: OrgSpec['limits'], add: Add): void {
  const base: Path = ['spec', 'limits'];
  const bx = leaves(x ?? null, base);
  const by = leaves(y ?? null, base);
  for (const k of [...new Set([...bx.keys(), ...by.keys()])].sort()) {
    const a = bx.get(k)?.value ?? null;
    const b = by.get(k)?.value ?? null;
    if (equalJson(a, b)) continue;
    const path = (by.get(k) ?? bx.get(k))!.path;
    const name = formatPath(path.slice(base.length));
    let effect: OrgEffect = 'neutral';
    let how: string;
    if (typeof a === 'boolean' || typeof b === 'boolean') {
      // requireCostCenter: absent is false.
      effect = a === true && b !== true ? 'widens' : a !== true && b === true ? 'narrows' : 'neutral';
      how = effect === 'widens' ? ' (no longer required)' : effect === 'narrows' ? ' (now required)' : '';
    } else {
      // An absent limit is no limit.
      const ma = typeof a === 'string' ? parseDuration(a) : null;
      const mb = typeof b === 'string' ? parseDuration(b) : null;
      const ra = a === null ? Infinity : ma;
      const rb = b === null ? Infinity : mb;
      if (ra !== null && rb !== null) effect = rb > ra ? 'widens' : rb < ra ? 'narrows' : 'neutral';
      how = effect === 'widens' ? ' (loosened)' : effect === 'narrows' ? ' (tightened)' : '';
    }
    add(
      'limit',
      path,
      a,
      b,
      effect,
      `limit ${name} ${a === null ? '(no limit)' : brief(a)} → ${b === null ? '(no limit)' : brief(b)}${how}`,
    );
  }
}

type Exception = NonNullable<OrgSpec['exceptions']>[number];

function diffExceptions(x: readonly Exception[], y: readonly Exception[], add: Add): void {
  const path: Path = ['spec', 'exceptions'];
  // Unchanged entries first (as a multiset), then the rest paired by identity and rule.
  const left = [...x];
  const right: Exception[] = [];
  for (const e of y) {
    const i = left.findIndex((o) => equalJson(o, e));
    if (i >= 0) left.splice(i, 1);
    else right.push(e);
  }
  for (const e of right) {
    const i = left.findIndex((o) => o.identity === e.identity && o.rule === e.rule);
    if (i < 0) {
      add(
        'exception',
        path,
        null,
        e,
        'widens',
        `exception added: ${e.identity} is excused from ${e.rule}, approved by ${e.approvedBy} until ` +
          `${e.expires} (reason: ${e.reason})`,
      );
      continue;
    }
    const o = left.splice(i, 1)[0]!;
    const from = parseDate(o.expires);
    const to = parseDate(e.expires);
    const effect: OrgEffect =
      from !== null && to !== null && to > from
        ? 'widens'
        : from !== null && to !== null && to < from
          ? 'narrows'
          : 'neutral';
    const what = (['expires', 'approvedBy', 'reason'] as const)
      .filter((k) => o[k] !== e[k])
      .map((k) => `${k} ${brief(o[k])} → ${brief(e[k])}`);
    add('exception', path, o, e, effect, `exception for ${e.identity} on ${e.rule} changed: ${what.join(', ')}`);
  }
  for (const o of left)
    add('exception', path, o, null, 'narrows', `exception removed: ${o.identity} is no longer excused from ${o.rule}`);
}

/** Every leaf (scalar or list) below `v`, keyed by its formatted path. */
function leaves(
  v: Json,
  at: Path,
  out = new Map<string, { path: Path; value: Json }>(),
): Map<string, { path: Path; value: Json }> {
  if (v === null || v === undefined) return out;
  if (typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, Json>)) leaves(x, [...at, k], out);
    return out;
  }
  out.set(formatPath(at), { path: at, value: v });
  return out;
}

function setDiff(
  x: readonly string[] | undefined,
  y: readonly string[] | undefined,
): { added: string[]; removed: string[] } {
  const a = new Set(x ?? []);
  const b = new Set(y ?? []);
  return {
    added: [...new Set(y ?? [])].filter((e) => !a.has(e)),
    removed: [...new Set(x ?? [])].filter((e) => !b.has(e)),
  };
}

function keys(x: Record<string, unknown> | undefined, y: Record<string, unknown> | undefined): string[] {
  return [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])]
    .filter((k) => (x?.[k] ?? y?.[k]) !== undefined)
    .sort();
}

function list(entries: readonly string[]): string {
  return entries.length === 0 ? 'nothing' : entries.map((e) => JSON.stringify(e)).join(', ');
}

function brief(v: Json): string {
  return v === null || v === undefined ? '(absent)' : typeof v === 'string' ? v : JSON.stringify(v);
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function compareOrgChanges(a: OrgChange, b: OrgChange): number {
  return (
    byText(a.path, b.path) ||
    byText(a.kind, b.kind) ||
    byText(JSON.stringify(a.before), JSON.stringify(b.before)) ||
    byText(JSON.stringify(a.after), JSON.stringify(b.after))
  );
}
