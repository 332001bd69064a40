// When a person leaves: every identity that names them — as owner, successor, reviewer or approver —
// and what has to happen to it. The owner's successor takes over (that is what a successor is for);
// where nobody can, the identity needs a new owner, and every role the person held leaves a gap that
// validate will ask to fill once they are gone from org.yaml. Pure: manifests in, a report out.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { lower, team, type OrgModel } from '../../model/org.js';
import { samePerson } from './email.js';
import { fail, ok, refuse, type Result } from '../../common/result.js';
import { cmp } from '../../common/findings.js';

export const ROLES = ['owner', 'successor', 'reviewer', 'elevation-approver', 'exception-approver'] as const;
export type Role = (typeof ROLES)[number];

export const NEEDS = [
  'new-owner',
  'new-successor',
  'new-review',
  'new-elevation-approval',
  'new-exception-approval',
] as const;
export type Need = (typeof NEEDS)[number];

export const OWNER_PATH = ['spec', 'stewardship', 'owner'] as const;

export interface Handover {
  identity: string;
  /** Null for an org.yaml exception that names no identity of the repository. */
  file: string | null;
  status: 'active' | 'suspended' | 'decommissioned' | null;
  roles: Role[];
  /** Field (dotted path) → the value `--write` sets; empty when nothing can be written. */
  proposal: Record<string, string>;
  needs: Need[];
}

export interface OffboardReport {
  person: string;
  identities: Handover[];
  /**
   * Where org.yaml names the person (remove them there once the hand-over is merged); null without a valid org.yaml.
   */
  org: { teams: string[]; securityOwner: boolean } | null;
  /** Files that mention the person but are not valid manifests: they could not be checked. */
  invalid: string[];
}

export interface ManifestFile {
  file: string;
  data: MachineIdentity;
}

export function offboardReport(
  person: string,
  identities: readonly ManifestFile[],
  org: OrgModel | null,
  invalid: readonly string[],
): OffboardReport {
  const me = lower(person);
  const approvers = new Map<string, string[]>();
  for (const e of org?.spec.exceptions ?? [])
    approvers.set(e.identity, [...(approvers.get(e.identity) ?? []), e.approvedBy]);
  const excepted = new Set([...approvers].filter(([, by]) => by.some((a) => samePerson(a, me))).map(([name]) => name));
  const out: Handover[] = [];
  for (const { file, data } of identities) {
    const entry = handover(me, file, data, org, approvers.get(data.metadata.name) ?? []);
    if (entry) out.push(entry);
  }
  const named = new Set(identities.map((i) => i.data.metadata.name));
  for (const name of excepted) {
    if (!named.has(name))
      out.push({
        identity: name,
        file: null,
        status: null,
        roles: ['exception-approver'],
        proposal: {},
        needs: ['new-exception-approval'],
      });
  }
  out.sort((a, b) => cmp(a.identity, b.identity) || cmp(a.file ?? '', b.file ?? ''));
  const orgPart = org && {
    teams: [...org.members]
      .filter(([, members]) => members.has(me))
      .map(([name]) => name)
      .sort(cmp),
    securityOwner: org.securityOwners.has(me),
  };
  return { person, identities: out, org: orgPart, invalid: [...invalid].sort(cmp) };
}

/** `exceptionApprovers`: who approved each org.yaml exception for this identity. */
function handover(
  me: string,
  file: string,
  data: MachineIdentity,
  org: OrgModel | null,
  exceptionApprovers: readonly string[],
): Handover | null {
  const { owner, successor, team: teamName } = data.spec.stewardship;
  const roles = new Set<Role>();
  const needs = new Set<Need>();
  const proposal: Record<string, string> = {};
  const owns = owner !== undefined && samePerson(owner, me);
  const succeeds = successor !== undefined && samePerson(successor, me);
  if (owns) {
    roles.add('owner');
    // A successor who is not (or no longer) on the team cannot take over: owner-in-team would fail.
    const successorStays =
      successor !== undefined &&
      !succeeds &&
      !(org && team(org, teamName) && !org.members.get(teamName)?.has(lower(successor)));
    if (successorStays) {
      proposal[OWNER_PATH.join('.')] = successor;
      // The new owner cannot stand as their own reviewer or approver (the four-eyes rules).
      if (data.spec.review && samePerson(data.spec.review.reviewer, successor)) needs.add('new-review');
      if ((data.spec.elevations ?? []).some((e) => samePerson(e.approvedBy, successor)))
        needs.add('new-elevation-approval');
      if (exceptionApprovers.some((a) => samePerson(a, successor))) needs.add('new-exception-approval');
    } else needs.add('new-owner');
    // Either the successor became the owner, or the successor is leaving too: a new one is needed.
    needs.add('new-successor');
  }
  if (succeeds) {
    roles.add('successor');
    needs.add('new-successor');
  }
  if (data.spec.review && samePerson(data.spec.review.reviewer, me)) {
    roles.add('reviewer');
    needs.add('new-review');
  }
  if ((data.spec.elevations ?? []).some((e) => samePerson(e.approvedBy, me))) {
    roles.add('elevation-approver');
    needs.add('new-elevation-approval');
  }
  if (exceptionApprovers.some((a) => samePerson(a, me))) {
    roles.add('exception-approver');
    needs.add('new-exception-approval');
  }
  if (roles.size === 0) return null;
  return {
    identity: data.metadata.name,
    file,
    status: data.spec.status ?? 'active',
    roles: ROLES.filter((r) => roles.has(r)),
    proposal,
    needs: NEEDS.filter((n) => needs.has(n)),
  };
}

export const SUCCESSOR_PATH = ['spec', 'stewardship', 'successor'] as const;

/** `--successor`: one address for every team, and/or one per team (which wins for its team). */
export interface SuccessorChoice {
  any: string | null;
  byTeam: ReadonlyMap<string, string>;
}

/** An identity that still needs a successor after the hand-over, and who on its team could be it. */
export interface SuccessorGap {
  identity: string;
  file: string;
  team: string;
  /** The owner once the hand-over is written. */
  owner: string;
  /** Members of the team other than the owner and the person leaving, sorted. */
  candidates: string[];
}

/**
 * The identities that need a new successor and can have one written: not tombstones (validate does
 * not ask them for one), and not those that need a new owner first (the person would stay owner).
 */
export function successorGaps(
  report: OffboardReport,
  identities: readonly ManifestFile[],
  org: OrgModel | null,
): SuccessorGap[] {
  const byFile = new Map(identities.map((i) => [i.file, i.data]));
  const me = lower(report.person);
  const out: SuccessorGap[] = [];
  for (const h of report.identities) {
    const data = h.file === null ? undefined : byFile.get(h.file);
    if (!data || h.status === 'decommissioned' || !h.needs.includes('new-successor') || h.needs.includes('new-owner'))
      continue;
    const owner = h.proposal[OWNER_PATH.join('.')] ?? data.spec.stewardship.owner ?? '';
    const teamName = data.spec.stewardship.team;
    const candidates = [...(org?.members.get(teamName) ?? [])].filter((m) => m !== me && m !== lower(owner)).sort(cmp);
    out.push({ identity: h.identity, file: h.file!, team: teamName, owner, candidates });
  }
  return out;
}

/**
 * The report with the chosen successors added to the proposals (and `new-successor` dropped where
 * one is written). Every choice is checked as validate would check the result: a member of the
 * identity's team, neither its owner nor the person leaving. A choice that would not validate is a
 * refusal; a flag that cannot be applied at all (no such team, no org.yaml) is a plain failure.
 */
export function withSuccessors(
  report: OffboardReport,
  identities: readonly ManifestFile[],
  org: OrgModel | null,
  choice: SuccessorChoice,
  didYouMean: (input: string, candidates: readonly string[]) => string | null,
): Result<OffboardReport> {
  if (!org)
    return fail(
      "--successor needs a valid identities/org.yaml: a successor must be a member of the identity's team " +
        '(run idac validate)',
    );
  const gaps = successorGaps(report, identities, org);
  const teams = [...new Set(gaps.map((g) => g.team))].sort(cmp);
  for (const team of [...choice.byTeam.keys()].sort(cmp)) {
    if (!Object.hasOwn(org.spec.teams, team)) {
      const guess = didYouMean(team, Object.keys(org.spec.teams));
      return fail(
        `--successor ${team}=…: there is no team ${team} in ` +
          `org.yaml` +
          (guess ? `; did you mean ${guess}?` : ` (teams: ${Object.keys(org.spec.teams).sort(cmp).join(', ')})`),
      );
    }
    if (!teams.includes(team))
      return fail(
        `--successor ${team}=…: no identity of team ${team} needs a new successor when ${report.person} ` +
          `leaves${teams.length ? ` (teams that do: ${teams.join(', ')})` : ''}`,
      );
  }
  const me = lower(report.person);
  const chosen = new Map<string, string>();
  for (const team of teams) {
    const successor = choice.byTeam.get(team) ?? choice.any;
    const named = gaps
      .filter((g) => g.team === team)
      .map((g) => g.identity)
      .join(', ');
    if (successor === null) return fail(`no successor for team ${team} (${named}): add --successor ${team}=EMAIL`);
    const members = org.members.get(team) ?? new Set<string>();
    const flag = choice.byTeam.has(team) ? `${team}=${successor}` : successor;
    if (lower(successor) === me)
      return refuse(`--successor ${flag}: ${successor} is the person leaving; name another member of team ${team}`);
    if (!members.has(lower(successor))) {
      // Addresses of one domain share most of their letters: the name before @ must be close too.
      const local = (e: string): string => e.slice(0, e.lastIndexOf('@'));
      const near = didYouMean(successor, [...members]);
      const guess = near !== null && didYouMean(local(successor), [local(near)]) !== null ? near : null;
      return refuse(
        `--successor ${flag}: ${successor} is not a member of team ${team} in org.yaml, so ${named} would ` +
          `not validate; ${guess ? `did you mean ${guess}?` : `members: ${[...members].sort(cmp).join(', ')}`}`,
      );
    }
    for (const g of gaps.filter((x) => x.team === team)) {
      if (lower(g.owner) === lower(successor))
        return refuse(
          `--successor ${flag}: ${successor} becomes the owner of ${g.identity}, and a successor must be ` +
            `someone else; name another member of team ${team}` +
            (g.candidates.length ? ` (${g.candidates.join(', ')})` : ''),
        );
      chosen.set(g.file, successor);
    }
  }
  return ok({
    ...report,
    identities: report.identities.map((h) => {
      const successor = h.file === null ? undefined : chosen.get(h.file);
      if (successor === undefined) return h;
      return {
        ...h,
        proposal: { ...h.proposal, [SUCCESSOR_PATH.join('.')]: successor },
        needs: h.needs.filter((n) => n !== 'new-successor'),
      };
    }),
  });
}
/** Everyone the repository names: org.yaml's people and every address in a manifest ("did you mean"). */
export function peopleNamed(identities: readonly ManifestFile[], org: OrgModel | null): Set<string> {
  const out = new Set<string>(org?.people ?? []);
  for (const e of org?.spec.exceptions ?? []) out.add(lower(e.approvedBy));
  for (const { data } of identities) {
    const s = data.spec;
    if (s.stewardship.owner !== undefined) out.add(lower(s.stewardship.owner));
    if (s.stewardship.successor !== undefined) out.add(lower(s.stewardship.successor));
    if (s.review) out.add(lower(s.review.reviewer));
    for (const e of s.elevations ?? []) out.add(lower(e.approvedBy));
  }
  return out;
}
