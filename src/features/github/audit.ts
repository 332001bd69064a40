// The nightly audit issue: identities that expire, are due (or overdue) for access review, have a
// certificate window closing, or a rotation policy org.yaml no longer allows — each with its owner
// and successor. Pure: items from the manifests, Markdown from the items.
//
// The one place idac writes @-mentions on purpose: a person is mentioned only through org.yaml's
// githubLogins, a team only through its `github` handle. Every value from a manifest sits in a
// code span, so free text can never mention, link or inject anything.

import { isWithheld } from '../../common/redactor.js';
import { rotationReport } from '../../compile/rotation-report.js';
import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { githubLogin, type OrgModel } from '../../model/org.js';
import { compareDue, dueItems } from '../../plan/due.js';
import { code } from '../../render/markdown.js';
import { isoInstant } from '../../common/time.js';

export const AUDIT_MARKER = '<!-- idac-audit -->';
export const AUDIT_TITLE = 'idac audit: identities that need their owners';

export type AuditKind = 'expiry' | 'review' | 'certificate' | 'rotation-policy';

export interface AuditItem {
  identity: string;
  file: string;
  team: string;
  kind: AuditKind;
  /** ISO-8601; in the past when overdue. */
  at: string;
  overdue: boolean;
  detail: string;
  owner: string;
  successor: string | null;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function auditItems(
  identities: readonly { file: string; data: MachineIdentity }[],
  org: OrgModel | null,
  now: number,
  window: number,
): AuditItem[] {
  const out: AuditItem[] = [];
  for (const { file, data } of identities) {
    const s = data.spec.stewardship;
    const base = {
      identity: data.metadata.name,
      file,
      team: s.team,
      owner: s.owner ?? '',
      successor: s.successor ?? null,
    };
    // Rotations themselves are routine (a scheduled apply does them); only the policy needs people.
    for (const d of dueItems(data, org, now, window).sort(compareDue)) {
      if (d.kind === 'rotation') continue;
      out.push({ ...base, kind: d.kind, at: d.at, overdue: Date.parse(d.at) <= now, detail: d.detail });
    }
  }
  for (const r of rotationReport(identities, org, now)) {
    if (!r.overdue) continue;
    const data = identities.find((i) => i.file === r.file)!.data;
    const s = data.spec.stewardship;
    out.push({
      identity: r.identity,
      file: r.file,
      team: s.team,
      owner: s.owner ?? '',
      successor: s.successor ?? null,
      kind: 'rotation-policy',
      at: isoInstant(now),
      overdue: true,
      detail: `${r.kind}: ${r.reason ?? 'overdue'}`,
    });
  }
  const rank: Record<AuditKind, number> = { expiry: 0, review: 1, 'rotation-policy': 2, certificate: 3 };
  return out.sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] ||
      (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
      (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0),
  );
}

/** A person: `@login` when org.yaml gives a valid one, else their e-mail in code (never a mention). */
function person(org: OrgModel | null, email: string): string {
  // An address that held a secret is neither shown nor mentioned (src/common/redactor.ts).
  if (isWithheld(email)) return 'withheld (it holds a secret: see idac validate)';
  const login = githubLogin(org, email);
  return login && LOGIN.test(login) ? `@${login}` : code(email);
}

const HEADINGS: Record<AuditKind, string> = {
  expiry: 'Expiring',
  review: 'Access review due',
  'rotation-policy': 'Rotation policy not allowed by org.yaml',
  certificate: 'Certificate renewals ending',
};

/**
 * An expiry's `at` is the instant time.ts's expiryOf gives (the start of the day after `expires`),
 * so its day is the one plan, validate and SPEC §2 call expired.
 */
function when(i: AuditItem): string {
  const day = i.at.slice(0, 10);
  if (i.kind === 'expiry') return i.overdue ? `**expired** since ${day}` : `expired from ${day}`;
  return i.overdue ? `**overdue** since ${day}` : `due ${day}`;
}

/**
 * The issue body. `sections`: more Markdown the caller adds after the items, already escaped (the
 * drift report of `idac drift`): the issue lists it, and is not "nothing" while there is one.
 */
export function renderAuditIssue(
  items: readonly AuditItem[],
  org: OrgModel | null,
  now: number,
  windowText: string,
  sections: readonly string[] = [],
): string {
  const day = isoInstant(now).slice(0, 10);
  const lines = [
    AUDIT_MARKER,
    `Audit of ${day}: identities that expire, need an access review or break a policy within ` +
      `${code(windowText)}. Updated every night by \`idac github audit\`; closed when nothing is left.`,
    '',
  ];
  const extra = sections.map((section) => `\n${section.trimEnd()}\n`).join('');
  if (items.length === 0) {
    lines.push(sections.length === 0 ? 'Nothing needs attention.' : 'No identity needs attention.');
    return `${lines.join('\n')}\n${extra}`;
  }
  const names = new Set(items.map((i) => i.identity));
  lines.push(`**${names.size} identit${names.size === 1 ? 'y needs' : 'ies need'} attention.**`);
  for (const kind of ['expiry', 'review', 'rotation-policy', 'certificate'] as const) {
    const group = items.filter((i) => i.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `### ${HEADINGS[kind]}`, '');
    for (const i of group) {
      const team = org?.spec.teams[i.team]?.github;
      const who = [
        i.owner ? `owner ${person(org, i.owner)}` : 'no owner named yet',
        ...(i.successor ? [`successor ${person(org, i.successor)}`] : []),
        ...(team && TEAM.test(team) ? [`team ${team}`] : []),
      ].join(', ');
      lines.push(`- ${code(i.identity)} (${code(i.file)}): ${when(i)} — ${code(i.detail, 300)}; ${who}`);
    }
  }
  return `${lines.join('\n')}\n${extra}`;
}
