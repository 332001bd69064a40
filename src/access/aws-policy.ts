// The IAM policy an identity's AWS permissions become: one Allow statement per permission, actions
// and resources as declared. Validation measures it against AWS's limits so an oversized policy
// fails in the pull request, not halfway through an apply; compile renders the same document.

import type { Path } from '../common/findings.js';
import type { AwsPermissions, MachineIdentity } from '../manifest/machine-identity.generated.js';
import { parseDateTime } from '../common/time.js';
import { conditionsOf, type AwsConditions } from './aws-conditions.js';

export interface AwsPermissionBlock {
  /** Data path of the permission: [...'aws', 'permissions', i]. */
  path: Path;
  actions: readonly string[];
  resources: readonly string[];
  /** The Condition element as written, or null. */
  conditions: AwsConditions | null;
  /** Index into spec.elevations, or null for spec.access. */
  elevation: number | null;
}

export interface PolicyStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  /** Only when the permission has conditions: IAM's own shape, as the manifest writes it. */
  Condition?: AwsConditions;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/**
 * AWS's aggregate inline-policy quotas, whitespace not counted
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export const INLINE_POLICY_LIMIT = { role: 10_240, user: 2_048 } as const;

export function renderAwsPolicy(
  permissions: readonly {
    actions: readonly string[];
    resources: readonly string[];
    conditions?: Parameters<typeof conditionsOf>[0] | null;
  }[],
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: permissions.map((p) => {
      const condition = conditionsOf(p.conditions ?? undefined);
      return {
        Effect: 'Allow',
        Action: [...p.actions],
        Resource: [...p.resources],
        ...(condition === null ? {} : { Condition: condition }),
      };
    }),
  };
}

/** The characters AWS counts against the quota: the compact JSON without whitespace. */
export function policyLength(doc: PolicyDocument): number {
  const json = JSON.stringify(doc);
  return /\s/.test(json) ? json.replace(/\s/g, '').length : json.length;
}

/** The first character a policy document may not hold (only TAB, LF, CR and U+0020–U+00FF), or null. */
export function outsidePolicyCharset(text: string): string | null {
  const m = /[^\t\n\r\u0020-\u00ff]/u.exec(text);
  return m ? m[0] : null;
}

function blocks(permissions: AwsPermissions | undefined, at: Path, elevation: number | null): AwsPermissionBlock[] {
  return (permissions ?? []).map((p, i) => ({
    path: [...at, 'aws', 'permissions', i],
    actions: p.actions,
    resources: p.resources,
    conditions: conditionsOf(p.conditions),
    elevation,
  }));
}

function window(e: { from: string; until: string }): { from: number; until: number } | null {
  const from = parseDateTime(e.from);
  const until = parseDateTime(e.until);
  return from === null || until === null ? null : { from, until };
}

const pendingCache = new WeakMap<MachineIdentity, { now: number; blocks: readonly AwsPermissionBlock[] }>();

/**
 * The permissions as written that still matter at `now`: spec.access, and every elevation that
 * has not ended (active or still to come). An ended elevation is history kept for auditors; an
 * elevation with an unreadable window is kept (elevation/valid-window reports it).
 */
export function pendingAwsPermissions(data: MachineIdentity, now: number): readonly AwsPermissionBlock[] {
  // Several rules ask for the same identity in a row: computed once per identity and clock.
  const hit = pendingCache.get(data);
  if (hit && hit.now === now) return hit.blocks;
  const out = blocks(data.spec.access.aws?.permissions, ['spec', 'access'], null);
  (data.spec.elevations ?? []).forEach((e, i) => {
    const w = window(e);
    if (w === null || w.until > now)
      out.push(...blocks(e.access.aws?.permissions, ['spec', 'elevations', i, 'access'], i));
  });
  pendingCache.set(data, { now, blocks: out });
  return out;
}

/** Every action pattern in the pending permissions, as written, with its data path. */
export function pendingAwsActions(data: MachineIdentity, now: number): { action: string; path: Path }[] {
  return pendingAwsPermissions(data, now).flatMap((b) =>
    b.actions.map((action, j) => ({ action, path: [...b.path, 'actions', j] })),
  );
}

/**
 * The sets of elevations that will be in force together from `now` on: the set active now, and
 * the set active at each later elevation start. The policy is largest at one of these instants.
 */
export function elevationSets(data: MachineIdentity, now: number): number[][] {
  const windows = (data.spec.elevations ?? []).map(window);
  const activeAt = (t: number): number[] =>
    windows.flatMap((w, i) => (w !== null && w.from <= t && t < w.until ? [i] : []));
  const instants = [now, ...windows.flatMap((w) => (w !== null && w.from > now && w.from < w.until ? [w.from] : []))];
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const t of instants) {
    const set = activeAt(t);
    const key = set.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(set);
    }
  }
  return out;
}
