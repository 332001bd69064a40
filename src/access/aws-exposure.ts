// Grants on resource `*`, per permission, and which rule owns each listed exposure action there
// (./aws-exposure-list.ts). A grant on `*` is reported once: an action AWS only grants on `*` is
// exempt, a privilege-escalation row is aws/privilege-escalation's, a write or permissions-management
// action is aws/resource-wildcard-write's, and what is left (reads) belongs to the exposure rules.

import type { Path } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { splitAction } from './aws-actions.js';
import { narrowingKey } from './aws-conditions.js';
import { isWriteLevel } from './aws-escalation.js';
import { ESCALATION_ACTIONS } from './aws-escalation-list.js';
import type { ExposureAction } from './aws-exposure-list.js';
import { pendingAwsPermissions } from './aws-policy.js';
import type { IamAction, IamCatalog } from './iam-catalog.js';
import type { AwsGrant, EffectiveAccess } from './model.js';

/** The listed actions one permission grants on `*`. */
export interface WildcardHit {
  /** The permission, [...'aws', 'permissions', i]: where a condition on its grants would be read. */
  block: Path;
  /** The `*` among its resources: where a finding points. */
  path: Path;
  /** The actions granted on `*`, sorted. */
  actions: readonly string[];
  /** The condition key that pins the grant to fewer resources (aws-conditions.ts narrowingKey), or null. */
  pin: string | null;
}

/**
 * Every permission in force that grants, on resource `*`, an action `keep` accepts, in document
 * order. Actions AWS grants only on `*` (ecr:GetAuthorizationToken) are never passed to `keep`:
 * there is no narrower resource to ask for. The `*` action itself is left to aws/no-wildcard-action
 * and aws/resource-wildcard-write.
 */
export function wildcardResourceHits(
  data: MachineIdentity,
  access: EffectiveAccess,
  now: number,
  catalog: IamCatalog,
  keep: (action: IamAction, grant: AwsGrant) => boolean,
): WildcardHit[] {
  const byBlock = new Map<string, Set<string>>();
  for (const g of access.grants) {
    if (g.target !== 'aws' || g.resource !== '*' || g.action === '*') continue;
    const split = splitAction(g.action);
    const known = split ? catalog.action(split.service, split.action) : undefined;
    if (!known || known.wildcardOnly || !keep(known, g)) continue;
    const key = g.path.slice(0, -2).join('/');
    if (!byBlock.has(key)) byBlock.set(key, new Set());
    byBlock.get(key)!.add(g.action);
  }
  if (byBlock.size === 0) return [];
  const out: WildcardHit[] = [];
  for (const b of pendingAwsPermissions(data, now)) {
    const actions = byBlock.get(b.path.join('/'));
    if (actions)
      out.push({
        block: b.path,
        path: [...b.path, 'resources', b.resources.indexOf('*')],
        actions: [...actions].sort(),
        pin: narrowingKey(b.conditions),
      });
  }
  return out;
}

export type ExposureRule = 'aws/data-read-any' | 'aws/credentials-exposure';

export type WildcardOwner = 'exempt' | 'aws/privilege-escalation' | 'aws/resource-wildcard-write' | ExposureRule;

const ESCALATING = new Set(ESCALATION_ACTIONS.map((e) => e.action.toLowerCase()));

/** Which rule reports an exposure-list action granted on `*` (every row of ESCALATION_ACTIONS fires on `*`). */
export function wildcardOwner(action: IamAction, list: ExposureRule): WildcardOwner {
  if (action.wildcardOnly) return 'exempt';
  if (ESCALATING.has(`${action.service}:${action.name}`.toLowerCase())) return 'aws/privilege-escalation';
  if (isWriteLevel(action.levels)) return 'aws/resource-wildcard-write';
  return list;
}

const listed = new WeakMap<readonly ExposureAction[], ReadonlySet<string>>();

/** The hits of one exposure list that `rule` itself reports: the rows on `"*"` no other rule owns. */
export function exposureHits(
  data: MachineIdentity,
  access: EffectiveAccess,
  now: number,
  catalog: IamCatalog,
  rows: readonly ExposureAction[],
  rule: ExposureRule,
): WildcardHit[] {
  let names = listed.get(rows);
  if (!names) listed.set(rows, (names = new Set(rows.map((r) => r.action.toLowerCase()))));
  const wanted = names;
  return wildcardResourceHits(
    data,
    access,
    now,
    catalog,
    (a) => wanted.has(`${a.service}:${a.name}`.toLowerCase()) && wildcardOwner(a, rule) === rule,
  );
}
