// org.yaml as the rules consult it: lookups built once, emails compared case-insensitively.

import type { Organization } from '../manifest/organization.generated.js';
import { levenshtein } from '../manifest/schemas.js';

export type OrgSpec = Organization['spec'];
export type Team = OrgSpec['teams'][string] & object;

export interface OrgModel {
  spec: OrgSpec;
  /** Lower-cased members per team. */
  members: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every person org.yaml names: team members and security owners, lower-cased. */
  people: ReadonlySet<string>;
  securityOwners: ReadonlySet<string>;
}

export function orgModel(org: Organization): OrgModel {
  const members = new Map<string, Set<string>>();
  const people = new Set<string>();
  for (const [name, team] of Object.entries(org.spec.teams)) {
    const set = new Set((team?.members ?? []).map(lower));
    members.set(name, set);
    for (const m of set) people.add(m);
  }
  const securityOwners = new Set((org.spec.securityOwners ?? []).map(lower));
  for (const s of securityOwners) people.add(s);
  return { spec: org.spec, members, people, securityOwners };
}

export function lower(email: string): string {
  return email.toLowerCase();
}

export function team(org: OrgModel, name: string): Team | undefined {
  return Object.hasOwn(org.spec.teams, name) ? org.spec.teams[name] : undefined;
}

/** The GitHub login org.yaml's githubLogins gives for an e-mail (compared ignoring case). */
export function githubLogin(org: OrgModel | null, email: string): string | undefined {
  const logins = org?.spec.githubLogins;
  if (!logins) return undefined;
  return logins[email] ?? Object.entries(logins).find(([k]) => k.toLowerCase() === email.toLowerCase())?.[1];
}

/**
 * The one address in `among` a typo away from `email` (at most two edits, case ignored), for "did
 * you mean"; null when none is, or when two are equally close (a guess between people misleads).
 */
export function nearestPerson(email: string, among: Iterable<string>): string | null {
  const typed = lower(email);
  let best: string | null = null;
  let bestDistance = 3;
  let tie = false;
  for (const candidate of new Set([...among].map(lower))) {
    if (candidate === typed) return null;
    const d = levenshtein(typed, candidate);
    if (d < bestDistance) [best, bestDistance, tie] = [candidate, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? null : best;
}

/** `; did you mean x?` when an unknown address is a typo away from one of `among`, else ''. */
export function didYouMeanPerson(email: string, among: Iterable<string>): string {
  const near = nearestPerson(email, among);
  return near ? `; did you mean ${near}?` : '';
}

/**
 * Namespaces whose workloads hold cluster-wide power: `kube-system` on every cluster (its controllers' service
 * accounts are admin-equivalent, and EKS reads the aws-auth config map there), plus those org.yaml lists under
 * targets.kubernetes.<cluster>.privilegedNamespaces. rbac-police weighs grants there the same way
 * (lib/utils/builtins.rego, privileged_namespaces).
 */
export function isPrivilegedNamespace(org: OrgModel | null, cluster: string, namespace: string): boolean {
  if (namespace === 'kube-system') return true;
  const clusters = org?.spec.targets?.kubernetes;
  if (!clusters || !Object.hasOwn(clusters, cluster)) return false;
  return clusters[cluster]?.privilegedNamespaces?.includes(namespace) ?? false;
}
