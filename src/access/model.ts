// The effective-access model: every grant an identity holds right now — from spec.access and from
// the elevations active at `now` — as normalised (target, action, resource) triples with the data
// path they came from. An AWS pair is a grant only where the action can act on the resource (its
// resource types, arn.ts actionAppliesTo), as IAM decides it. Rules, plan, who-can and reports all
// reason over this one model.

import type { Path } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { parseDateTime } from '../common/time.js';
import { actionAppliesTo, isResourcePattern } from './arn.js';
import { actionId, expandAction, servicesOf } from './aws-actions.js';
import { ESCALATION_SERVICES } from './aws-escalation-list.js';
import { conditionsOf, type AwsConditions } from './aws-conditions.js';
import type { AccessLevel, IamCatalog } from './iam-catalog.js';

interface GrantBase {
  /** Where the grant is written: the action, verb or capability in the manifest. */
  path: Path;
  /** Index into spec.elevations, or null for spec.access. */
  elevation: number | null;
}

export interface AwsGrant extends GrantBase {
  target: 'aws';
  /** `s3:GetObject` (service lower case, action as AWS writes it), or `*` for every action of every service. */
  action: string;
  /** The pattern as written (`s3:Get*`), which expanded to `action`. */
  declared: string;
  resource: string;
  /** null for `*`. */
  levels: readonly AccessLevel[] | null;
  /** The permission's Condition element as written (SPEC §2), or null: the grant holds only when it holds. */
  conditions: AwsConditions | null;
}

export interface KubernetesGrant extends GrantBase {
  target: 'kubernetes';
  cluster: string;
  namespace: string;
  apiGroup: string;
  /** `pods`, `pods/exec`, `*`. */
  resource: string;
  resourceName: string | null;
  /** `get`, …, or `*`. */
  verb: string;
}

export interface VaultGrant extends GrantBase {
  target: 'vault';
  vaultPath: string;
  capability: string;
}

export type Grant = AwsGrant | KubernetesGrant | VaultGrant;

/** An AWS action pattern that names no real action. */
export interface UnknownAction {
  path: Path;
  declared: string;
  reason: 'unknown-service' | 'unknown-action' | 'matches-nothing';
  service: string;
}

export interface EffectiveAccess {
  grants: Grant[];
  unknown: UnknownAction[];
  /** Indexes of the elevations active at `now`. */
  activeElevations: number[];
}

type Access = MachineIdentity['spec']['access'];
type ElevationAccess = NonNullable<MachineIdentity['spec']['elevations']>[number]['access'];

/** Service prefixes the identity's AWS grants name: load them into the catalogue before `effectiveAccess`. */
export function awsServices(data: MachineIdentity): Set<string> {
  const patterns: string[] = [];
  for (const p of data.spec.access.aws?.permissions ?? []) patterns.push(...p.actions);
  for (const e of data.spec.elevations ?? [])
    for (const p of e.access.aws?.permissions ?? []) patterns.push(...p.actions);
  const out = servicesOf(patterns);
  // `*` expands to nothing here; the escalation rules ask what it grants on its resources.
  if (patterns.includes('*')) for (const s of ESCALATION_SERVICES) out.add(s);
  return out;
}

export function isActive(elevation: { from: string; until: string }, now: number): boolean {
  const from = parseDateTime(elevation.from);
  const until = parseDateTime(elevation.until);
  return from !== null && until !== null && from <= now && now < until;
}

export function effectiveAccess(data: MachineIdentity, now: number, catalog: IamCatalog): EffectiveAccess {
  const out: EffectiveAccess = { grants: [], unknown: [], activeElevations: [] };
  const base = data.spec.access;
  collect(out, base, ['spec', 'access'], null, base, catalog, data.metadata.name);
  (data.spec.elevations ?? []).forEach((e, i) => {
    if (!isActive(e, now)) return;
    out.activeElevations.push(i);
    collect(out, e.access, ['spec', 'elevations', i, 'access'], i, base, catalog, data.metadata.name);
  });
  return out;
}

function collect(
  out: EffectiveAccess,
  access: Access | ElevationAccess,
  at: Path,
  elevation: number | null,
  base: Access,
  catalog: IamCatalog,
  name: string,
): void {
  (access.aws?.permissions ?? []).forEach((perm, i) => {
    const conditions = conditionsOf(perm.conditions);
    perm.actions.forEach((declared, j) => {
      const path = [...at, 'aws', 'permissions', i, 'actions', j];
      const x = expandAction(declared, catalog);
      if (x.kind === 'unknown-service') {
        out.unknown.push({ path, declared, reason: 'unknown-service', service: x.service });
        return;
      }
      if (x.kind === 'actions' && x.actions.length === 0) {
        out.unknown.push({
          path,
          declared,
          reason: x.wildcard ? 'matches-nothing' : 'unknown-action',
          service: x.service,
        });
        return;
      }
      // A pair IAM can never match is not access: an action acts only on the resource types AWS
      // lists for it (or on `*` when it lists none), and text that is no ARN names nothing.
      for (const resource of perm.resources) {
        if (x.kind === 'all') {
          if (isResourcePattern(resource))
            out.grants.push({
              target: 'aws',
              action: '*',
              declared,
              resource,
              levels: null,
              conditions,
              path,
              elevation,
            });
        } else {
          for (const a of x.actions)
            if (actionAppliesTo(a, resource, catalog))
              out.grants.push({
                target: 'aws',
                action: actionId(a),
                declared,
                resource,
                levels: a.levels,
                conditions,
                path,
                elevation,
              });
        }
      }
    });
  });

  // Elevations add rules in the identity's own namespace and Vault paths under its own auth.
  const k8s = base.kubernetes;
  const rules = access.kubernetes?.rules ?? [];
  if (k8s) {
    rules.forEach((rule, i) => {
      rule.verbs.forEach((verb, j) => {
        const path = [...at, 'kubernetes', 'rules', i, 'verbs', j];
        for (const apiGroup of rule.apiGroups) {
          for (const resource of rule.resources) {
            for (const resourceName of rule.resourceNames ?? [null]) {
              out.grants.push({
                target: 'kubernetes',
                cluster: k8s.cluster,
                namespace: k8s.namespace,
                apiGroup,
                resource,
                resourceName,
                verb,
                path,
                elevation,
              });
            }
          }
        }
      });
    });
  }

  (access.vault?.paths ?? []).forEach((p, i) => {
    p.capabilities.forEach((capability, j) => {
      out.grants.push({
        target: 'vault',
        vaultPath: p.path,
        capability,
        path: [...at, 'vault', 'paths', i, 'capabilities', j],
        elevation,
      });
    });
  });
  // A certificate is issued by writing to <mount>/issue/<role>; the role is named after the identity.
  if (elevation === null) {
    ((access as Access).vault?.certificates ?? []).forEach((c, i) => {
      out.grants.push({
        target: 'vault',
        vaultPath: `${c.mount}/issue/${name}`,
        capability: 'update',
        path: [...at, 'vault', 'certificates', i, 'mount'],
        elevation,
      });
    });
  }
}

/** One line for plans and messages: `s3:GetObject on arn:…`, `get pods/exec in prod-eu/payments`, `read on kv/…`. */
export function grantText(g: Grant): string {
  switch (g.target) {
    case 'aws':
      return `${g.action} on ${g.resource}`;
    case 'kubernetes': {
      const group = g.apiGroup === '' ? '' : `${g.apiGroup}/`;
      return (
        `${g.verb} ${group}${g.resource}${g.resourceName ? `/${g.resourceName}` : ''} in ` +
        `${g.cluster}/${g.namespace}`
      );
    }
    case 'vault':
      return `${g.capability} on ${g.vaultPath}`;
  }
}
