// org.yaml as the rules consult it: lookups built once, emails compared case-insensitively.

import type { Organization } from '../manifest/organization.generated.js';

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
