// AWS IAM privilege escalation (THREATS.md list c1): matching the escalation list
// (./aws-escalation-list.ts) against the action patterns as written (`iam:Put*`, `*`),
// case-insensitively, so an undocumented action that the IAM reference lacks
// (codestar:CreateProjectFromTemplate) is still caught through a wildcard.

import type { Path } from '../common/findings.js';
import { actionAppliesTo, namedTypes } from './arn.js';
import { actionCovers, splitAction } from './aws-actions.js';
import type { AccessLevel, IamCatalog } from './iam-catalog.js';
import type { EffectiveAccess } from './model.js';
import {
  COMBINATION_ACTIONS,
  ESCALATION_ACTIONS,
  type EscalationAction,
  type EscalationCombination,
} from './aws-escalation-list.js';

// Patterns repeat across a fleet (s3:GetObject in thousands of files): matched once per process.
const coveredRows = new Map<string, readonly EscalationAction[]>();
const coveredParts = new Map<string, ReadonlySet<string>>();

/** The single-action rows a pattern as written covers (`iam:Put*`, `*`). */
export function escalationsCoveredBy(pattern: string): readonly EscalationAction[] {
  let hit = coveredRows.get(pattern);
  if (!hit) {
    if (coveredRows.size >= 50_000) coveredRows.clear();
    coveredRows.set(pattern, (hit = ESCALATION_ACTIONS.filter((e) => actionCovers(pattern, e.action))));
  }
  return hit;
}

/** The actions of any combination a pattern as written covers. */
export function combinationActionsCoveredBy(pattern: string): ReadonlySet<string> {
  let hit = coveredParts.get(pattern);
  if (!hit) {
    if (coveredParts.size >= 50_000) coveredParts.clear();
    coveredParts.set(pattern, (hit = new Set(COMBINATION_ACTIONS.filter((a) => actionCovers(pattern, a)))));
  }
  return hit;
}

/** `iam:PassRole + ec2:RunInstances`; alternatives as `(lambda:InvokeFunction | lambda:AddPermission)`. */
export function combinationText(c: EscalationCombination): string {
  return c.parts.map((p) => (p.length === 1 ? p[0]! : `(${p.join(' | ')})`)).join(' + ');
}

/** An action pattern in force, with the resources it grants something on. */
export interface PatternInForce {
  /** Data path of the action as written. */
  path: Path;
  declared: string;
  resources: readonly string[];
  /** The actions it grants on some resource, lower case; null for `*` (every action, on its resources). */
  granted: ReadonlySet<string> | null;
  elevation: number | null;
}

const inForceCache = new WeakMap<EffectiveAccess, readonly PatternInForce[]>();

/**
 * Every action pattern in force at ctx.now (spec.access and active elevations), in document order,
 * including patterns that name no known action: escalation rows are matched on the pattern itself.
 */
export function patternsInForce(access: EffectiveAccess): readonly PatternInForce[] {
  const hit = inForceCache.get(access);
  if (hit) return hit;
  const byPath = new Map<
    string,
    { path: Path; declared: string; resources: Set<string>; granted: Set<string> | null; elevation: number | null }
  >();
  for (const g of access.grants) {
    if (g.target !== 'aws') continue;
    const key = g.path.join('/');
    let p = byPath.get(key);
    if (!p)
      byPath.set(
        key,
        (p = {
          path: g.path,
          declared: g.declared,
          resources: new Set(),
          granted: g.action === '*' ? null : new Set(),
          elevation: g.elevation,
        }),
      );
    p.resources.add(g.resource);
    p.granted?.add(g.action.toLowerCase());
  }
  for (const u of access.unknown) {
    const key = u.path.join('/');
    if (!byPath.has(key))
      byPath.set(key, {
        path: u.path,
        declared: u.declared,
        resources: new Set(),
        granted: new Set(),
        elevation: u.path[1] === 'elevations' ? (u.path[2] as number) : null,
      });
  }
  const out = [...byPath.values()]
    .map((p) => ({ ...p, resources: [...p.resources] }))
    .sort((a, b) => comparePaths(a.path, b.path));
  inForceCache.set(access, out);
  return out;
}

/**
 * Does the pattern grant the action on some resource? An action the IAM reference knows is granted
 * only where it acts on one of the pattern's resources (`iam:P*` on a role ARN grants iam:PassRole,
 * not iam:PutUserPolicy); one it lacks (undocumented, such as codestar:CreateProjectFromTemplate)
 * on `*` or any resource of its service. A service the catalogue does not hold (unknown, or not
 * loaded: awsServices loads ESCALATION_SERVICES for `*`) leaves the pattern alone to decide.
 */
export function grantsAction(p: PatternInForce, action: string, catalog: IamCatalog): boolean {
  if (!actionCovers(p.declared, action)) return false;
  const split = splitAction(action);
  const service = split ? catalog.service(split.service) : undefined;
  if (!split || !service) return true;
  const known = catalog.action(split.service, split.action);
  if (known)
    return p.granted === null
      ? p.resources.some((r) => actionAppliesTo(known, r, catalog))
      : p.granted.has(action.toLowerCase());
  // Undocumented: it acts on `*` or on a resource of its own service, whatever the type.
  return p.resources.some((r) => r === '*' || namedTypes(split.service, r, catalog).size > 0);
}

/** Does the pattern act on a resource of the row's target type (`*` names every type)? No target: yes. */
export function reachesTarget(p: PatternInForce, e: EscalationAction, catalog: IamCatalog): boolean {
  const split = e.target ? splitAction(e.action) : null;
  return !split || p.resources.some((r) => r === '*' || namedTypes(split.service, r, catalog).has(e.target!));
}

export function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** `a, b, c and 4 more`. */
export function listSome(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Write or Permissions management (the data pairs the latter with Write; both are checked). */
export function isWriteLevel(levels: readonly AccessLevel[] | null): boolean {
  return levels === null || levels.includes('Write') || levels.includes('Permissions management');
}
