// The reverse index over the effective-access model (access/model.ts): which identities can make one
// request, and through which grant written where; and the forward view, everything one identity
// holds. Both read the grants in force at `now` — spec.access and the elevations whose window holds
// `now` — of identities whose status is active: a suspended or decommissioned identity holds nothing
// (apply removes its policies and bindings).

import { actionAppliesTo } from '../../access/arn.js';
import { splitAction } from '../../access/aws-actions.js';
import type { AwsConditions } from '../../access/aws-conditions.js';
import { awsGrantCovers } from '../../access/aws-request.js';
import type { IamCatalog } from '../../access/iam-catalog.js';
import { roleCanGrant } from '../../access/kubernetes-api.js';
import { effectiveAccess, grantText, type KubernetesGrant, type VaultGrant } from '../../access/model.js';
import { rbacGrantAllows } from '../../access/rbac-request.js';
import { vaultDecides } from '../../access/vault-acl.js';
import type { Path } from '../../common/findings.js';
import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { parseDateTime } from '../../common/time.js';
import type { LoadedIdentity as LocatedIdentity } from '../../check/repository.js';
import type { Query } from './who-can-query.js';

export interface Match {
  identity: string;
  target: 'aws' | 'kubernetes' | 'vault';
  /** `s3:Get* on arn:…` (the action pattern as written), `get pods/exec in prod-eu/payments`, `read on kv/…`. */
  grant: string;
  /** AWS: the permission's Condition element as written, when it has one; the grant holds only under it. */
  conditions?: AwsConditions;
  file: string;
  line: number;
  column: number;
  /** Index into spec.elevations, or null for spec.access. */
  elevation: number | null;
  /** The elevation's window (ISO-8601 UTC), or null. */
  window: { from: string; until: string } | null;
}

/** An AWS grant as written: one per action pattern and resource, not one per action it expands to. */
interface AwsHeld {
  target: 'aws';
  action: string;
  resource: string;
  conditions: AwsConditions | null;
  path: Path;
  elevation: number | null;
}

type Held = AwsHeld | KubernetesGrant | VaultGrant;

export function isLive(data: MachineIdentity): boolean {
  return (data.spec.status ?? 'active') === 'active';
}

function held(data: MachineIdentity, now: number, catalog: IamCatalog): Held[] {
  if (!isLive(data)) return [];
  const out: Held[] = [];
  const seen = new Set<string>();
  for (const g of effectiveAccess(data, now, catalog).grants) {
    if (g.target !== 'aws') out.push(g);
    // Without spec.access.aws there is no principal for an elevation's policy to attach to.
    else if (data.spec.access.aws) {
      const key = `${JSON.stringify(g.path)}\n${g.resource}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        target: 'aws',
        action: g.declared,
        resource: g.resource,
        conditions: g.conditions,
        path: g.path,
        elevation: g.elevation,
      });
    }
  }
  return out;
}

function heldText(h: Held): string {
  return h.target === 'aws' ? `${h.action} on ${h.resource}` : grantText(h);
}

/** Which identities can make the request, one match per grant that allows it. */
export function whoCan(
  identities: readonly LocatedIdentity[],
  query: Query,
  now: number,
  catalog: IamCatalog,
): Match[] {
  // A request IAM can never allow (s3:GetObject on a bucket ARN) is held by nobody, however wide
  // the grant: the access model has no such pair (parseQuery's note says why).
  if (query.target === 'aws' && !requestApplies(query, catalog)) return [];
  const out: Match[] = [];
  for (const id of identities) {
    const grants = held(id.data, now, catalog);
    out.push(...allowing(grants, query, id.data).map((h) => match(id, h)));
  }
  return sortMatches(out);
}

function requestApplies(query: { action: string; resource: string }, catalog: IamCatalog): boolean {
  const split = splitAction(query.action);
  const known = split ? catalog.action(split.service, split.action) : undefined;
  return known === undefined || actionAppliesTo(known, query.resource, catalog);
}

function allowing(grants: readonly Held[], query: Query, data: MachineIdentity): Held[] {
  switch (query.target) {
    case 'aws': {
      const account = data.spec.access.aws?.account ?? '';
      return grants.filter((h) => h.target === 'aws' && awsGrantCovers(h, query, account));
    }
    case 'kubernetes':
      return grants.filter((h) => h.target === 'kubernetes' && rbacGrantAllows(h, query.request));
    case 'vault': {
      const rules = grants
        .filter((h): h is VaultGrant => h.target === 'vault')
        .map((h) => ({ path: h.vaultPath, capability: h.capability, ref: h }));
      const decision = vaultDecides(rules, query.path, query.capability);
      return decision.allowed ? decision.by : [];
    }
  }
}

/**
 * Everything the identity holds at `now`, one match per grant. Left out: Kubernetes grants on
 * cluster-scoped resources (a Role cannot grant them) and the capabilities of a Vault path that also
 * holds `deny` (deny wins on its path); the deny itself is listed, since it shapes what the rest allow.
 */
export function canDo(id: LocatedIdentity, now: number, catalog: IamCatalog): Match[] {
  const grants = held(id.data, now, catalog);
  const denied = new Set(
    grants.filter((h) => h.target === 'vault' && h.capability === 'deny').map((h) => (h as VaultGrant).vaultPath),
  );
  const effective = grants.filter((h) =>
    h.target === 'kubernetes'
      ? roleCanGrant(h.apiGroup, h.resource, h.verb)
      : h.target === 'vault'
        ? h.capability === 'deny' || !denied.has(h.vaultPath)
        : true,
  );
  return sortMatches(effective.map((h) => match(id, h)));
}

function match(id: LocatedIdentity, h: Held): Match {
  const { line, column } = id.at(h.path);
  const e = h.elevation === null ? undefined : id.data.spec.elevations?.[h.elevation];
  return {
    identity: id.data.metadata.name,
    target: h.target,
    grant: heldText(h),
    ...(h.target === 'aws' && h.conditions !== null ? { conditions: h.conditions } : {}),
    file: id.file,
    line,
    column,
    elevation: h.elevation,
    window: e ? { from: iso(e.from), until: iso(e.until) } : null,
  };
}

function iso(text: string): string {
  const ms = parseDateTime(text);
  return ms === null ? text : new Date(ms).toISOString().replace('.000Z', 'Z');
}

const KEYS = ['identity', 'target', 'grant', 'file', 'line', 'column'] as const;

/** Stable order (identity, target, grant, then place); a grant written twice on one spot counts once. */
export function sortMatches(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => {
    for (const k of KEYS) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
    return 0;
  });
  return sorted.filter((m, i) => i === 0 || KEYS.some((k) => m[k] !== sorted[i - 1]![k]));
}
