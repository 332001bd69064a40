// One principal, git against the estate: the grants and the trusts each side holds, compared as
// effective access (wildcards expanded against the IAM catalogue, duplicates and order gone, action
// case normalised, a statement split in two is the same grants), so only a real change in what the
// principal can do — or in who can become it — is drift. idac's own additions (path, tags, session
// limit, guards) never reach this point: the readers drop them when they are what idac compiles.

import { conditionsKey, type AwsConditions } from '../../../access/aws-conditions.js';
import type { IamCatalog } from '../../../access/iam-catalog.js';
import { effectiveAccess, grantText, type Grant } from '../../../access/model.js';
import { trustsOf } from '../../../access/trust.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import { statementFingerprint } from '../fingerprint.js';
import type { EstateIdentity, EstateTarget } from '../types.js';
import type { Difference } from './types.js';

/** Where each target's grants are written in a manifest, and where its logins are. */
const GRANTS_FIELD: Record<EstateTarget, string> = {
  aws: 'aws.permissions',
  kubernetes: 'kubernetes.rules',
  vault: 'vault.paths',
};
const TRUST_FIELD: Record<EstateTarget, string> = {
  aws: 'aws.trust',
  kubernetes: 'kubernetes.trust',
  vault: 'vault.auth',
};

/**
 * What differs between the manifest and the live principal for the live principal's target. A
 * suspended manifest expects no grant (compile takes every policy and binding off) but the same
 * trust (the role and the auth role stay, so lifting the suspension keeps them).
 */
export function differences(
  data: MachineIdentity,
  live: EstateIdentity,
  now: number,
  catalog: IamCatalog,
): Difference[] {
  const target = live.target;
  const active = (data.spec.status ?? 'active') === 'active';
  const declared: MachineIdentity = { ...data, spec: { ...data.spec, status: 'active' } };
  // The live side is the manifest with this target's access replaced: the other targets stay, as
  // a Vault Kubernetes login is bound to the service account spec.access.kubernetes names.
  const observed: MachineIdentity = {
    ...data,
    spec: {
      ...data.spec,
      status: 'active',
      elevations: undefined,
      access: { ...data.spec.access, [target]: unseenKept(data, live) },
    },
  };
  const out: Difference[] = [
    ...grantDifferences(
      target,
      active ? grantsOf(declared, target, now, catalog) : [],
      grantsOf(observed, target, now, catalog),
    ),
    ...setDifferences(TRUST_FIELD[target], trustsOn(declared, target), trustsOn(observed, target)),
  ];
  // What import recorded was reported then and is asked for by lifecycle/import-unsettled; anything
  // else the manifest cannot say (a Deny added in a console since) is drift.
  const recorded = new Set(data.metadata.importedFrom?.live?.notExpressible ?? []);
  for (const n of live.notExpressible.filter((s) => !recorded.has(statementFingerprint(s))))
    out.push({
      field: `${target}.notExpressible`,
      manifest: null,
      live: n.statement,
      source: n.source,
      reason: n.reason,
    });
  return out.sort(compareDifferences);
}

/**
 * The live access, with what the estate cannot show taken from the manifest: a Vault dump holds no
 * PKI roles, so the certificates a manifest declares (and the issue grants they give) are not
 * compared (the Vault reader sets the issue endpoint aside, with a warning, for the same reason).
 */
function unseenKept(data: MachineIdentity, live: EstateIdentity): MachineIdentity['spec']['access'][EstateTarget] {
  const vault = live.access.vault;
  const certificates = data.spec.access.vault?.certificates;
  if (live.target !== 'vault' || !vault || vault.certificates !== undefined || certificates === undefined)
    return live.access[live.target];
  return { ...vault, certificates };
}

function grantsOf(data: MachineIdentity, target: EstateTarget, now: number, catalog: IamCatalog): Grant[] {
  return effectiveAccess(data, now, catalog).grants.filter((g) => g.target === target);
}

function trustsOn(data: MachineIdentity, target: EstateTarget): Set<string> {
  return new Set(
    trustsOf(data)
      .filter((t) => t.target === target)
      .map((t) => t.principal),
  );
}

/**
 * A grant's identity: the pair as plan words it and its conditions (the same pair under other
 * conditions is another grant).
 */
function grantKey(g: Grant): string {
  return `${grantText(g)}\u0000${conditionsKey(g.target === 'aws' ? g.conditions : null)}`;
}

/**
 * The grants one side holds and the other does not. An AWS pattern whose every expansion differs is
 * shown once as written (`s3:* on arn:…`), not as the hundreds of actions it expands to; one that
 * differs only in part lists the exact grants that differ.
 */
function grantDifferences(target: EstateTarget, manifest: Grant[], live: Grant[]): Difference[] {
  const m = byKey(manifest);
  const l = byKey(live);
  const field = GRANTS_FIELD[target];
  return [
    ...onlyIn(m, l).map((text) => ({ field, manifest: text, live: null })),
    ...onlyIn(l, m).map((text) => ({ field, manifest: null, live: text })),
  ];
}

function byKey(grants: Grant[]): Map<string, Grant> {
  const out = new Map<string, Grant>();
  for (const g of grants) if (!out.has(grantKey(g))) out.set(grantKey(g), g);
  return out;
}

/** The texts of the grants in `a` that `b` lacks, grouped by pattern as written where a whole pattern is missing. */
function onlyIn(a: Map<string, Grant>, b: Map<string, Grant>): string[] {
  const groups = new Map<string, { text: string; total: number; missing: Grant[] }>();
  for (const [key, g] of a) {
    const pattern = patternOf(g);
    let group = groups.get(pattern.key);
    if (group === undefined) groups.set(pattern.key, (group = { text: pattern.text, total: 0, missing: [] }));
    group.total += 1;
    if (!b.has(key)) group.missing.push(g);
  }
  const out = new Set<string>();
  for (const group of groups.values()) {
    if (group.missing.length === 0) continue;
    if (group.missing.length === group.total && group.total > 1) out.add(group.text);
    else for (const g of group.missing) out.add(withConditions(grantText(g), g));
  }
  return [...out];
}

function patternOf(g: Grant): { key: string; text: string } {
  if (g.target !== 'aws') return { key: grantKey(g), text: withConditions(grantText(g), g) };
  const text = withConditions(`${g.declared} on ${g.resource}`, g);
  return { key: `${g.declared.toLowerCase()}\u0000${g.resource}\u0000${conditionsKey(g.conditions)}`, text };
}

function withConditions(text: string, g: Grant): string {
  return g.target === 'aws' && g.conditions !== null ? `${text} when ${conditionsText(g.conditions)}` : text;
}

/** The Condition element as compact JSON, operators and keys sorted (byte-stable whatever order it was written in). */
function conditionsText(c: AwsConditions): string {
  const sorted = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(c)
        .sort()
        .map((op) => [op, sorted(c[op] as Record<string, unknown>)]),
    ),
  );
}

function setDifferences(field: string, manifest: Set<string>, live: Set<string>): Difference[] {
  return [
    ...[...manifest].filter((p) => !live.has(p)).map((p) => ({ field, manifest: p, live: null })),
    ...[...live].filter((p) => !manifest.has(p)).map((p) => ({ field, manifest: null, live: p })),
  ];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareDifferences(a: Difference, b: Difference): number {
  return cmp(a.field, b.field) || cmp(a.manifest ?? '', b.manifest ?? '') || cmp(a.live ?? '', b.live ?? '');
}
