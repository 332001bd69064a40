// The figures a security officer reports: succession, federated against static credentials,
// rotation compliance, overdue reviews, what expires soon, findings by rule and the bus factor.
// Every KPI counts live identities only: a decommissioned manifest is a tombstone, not a risk.

import type { CredentialRow } from '../../compile/rotation-report.js';
import type { Finding, Severity } from '../../common/findings.js';
import { lower, type OrgModel } from '../../model/org.js';
import { DAY_MS, parseDate } from '../../common/time.js';
import { cmp } from '../../common/findings.js';
import { isMember, STATIC_KINDS } from './inventory.js';
import type { CredentialKind, InventoryRow, Kpis, Share, StewardshipProblem } from './types.js';

const KIND_ORDER: readonly CredentialKind[] = [
  'aws-role',
  'kubernetes-service-account',
  'vault-kubernetes-auth',
  'vault-jwt-auth',
  'vault-aws-auth',
  'vault-cert-auth',
  'aws-access-key',
  'vault-secret-id',
];

export function share(count: number, total: number): Share {
  return { count, total, percent: total === 0 ? null : Math.round((count * 1000) / total) / 10 };
}

export function kpis(
  rows: readonly InventoryRow[],
  credentials: readonly CredentialRow[],
  findings: readonly Finding[],
  titles: ReadonlyMap<string, string>,
  org: OrgModel | null,
  now: number,
): Kpis {
  const live = rows.filter((r) => r.status !== 'decommissioned');
  const n = live.length;
  const gaps = live.map((r) => ({ r, problems: stewardshipProblems(r, org) }));
  const ownerOk = gaps.filter((g) => !g.problems.includes('owner-not-in-team')).length;
  const successorOk = gaps.filter((g) => !g.problems.includes('successor-not-in-team')).length;
  const overdue = credentials.filter((c) => c.overdue);
  return {
    stewardship: {
      ownerInTeam: share(ownerOk, n),
      successorInTeam: share(successorOk, n),
      ownerAndSuccessor: share(gaps.filter((g) => g.problems.length === 0).length, n),
    },
    credentials: {
      federated: share(live.filter((r) => r.credential === 'federated').length, n),
      static: share(live.filter((r) => r.credential === 'static').length, n),
      byKind: KIND_ORDER.map((kind) => ({
        kind,
        federated: !STATIC_KINDS.has(kind),
        count: live.filter((r) => r.credentialKinds.includes(kind)).length,
      })),
    },
    federation: federation(live),
    rotation: {
      compliant: share(credentials.length - overdue.length, credentials.length),
      overdue: overdue.map((c) => ({ identity: c.identity, kind: c.kind, reason: c.reason!, file: c.file })),
    },
    reviews: reviews(live, org, now),
    expiry: expiry(live),
    findings: findingCounts(findings, titles),
    owners: {
      people: people(live),
      gaps: gaps
        .filter((g) => g.problems.length > 0)
        .map(({ r, problems }) => ({
          identity: r.name,
          owner: r.owner,
          successor: r.successor,
          problems,
          file: r.file,
        })),
    },
  };
}

function stewardshipProblems(r: InventoryRow, org: OrgModel | null): StewardshipProblem[] {
  const out: StewardshipProblem[] = [];
  if (!isMember(org, r.team, r.owner)) out.push('owner-not-in-team');
  if (!isMember(org, r.team, r.successor)) out.push('successor-not-in-team');
  if (lower(r.owner) === lower(r.successor)) out.push('successor-is-owner');
  return out;
}

function reviews(live: readonly InventoryRow[], org: OrgModel | null, now: number): Kpis['reviews'] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const never = live.filter((r) => r.lastReviewed === null);
  const overdue = live.filter((r) => r.reviewOverdue);
  const soon = live.filter(
    (r) => !r.reviewOverdue && r.nextReview !== null && parseDate(r.nextReview)! <= today + 30 * DAY_MS,
  );
  const items = [...never, ...overdue]
    .map((r) => ({ identity: r.name, owner: r.owner, lastReviewed: r.lastReviewed, due: r.nextReview, file: r.file }))
    .sort((a, b) => cmp(a.due ?? '', b.due ?? '') || cmp(a.identity, b.identity) || cmp(a.file, b.file));
  return {
    every: org?.spec.limits?.reviewEvery ?? null,
    onTime: share(live.length - never.length - overdue.length, live.length),
    overdue: share(overdue.length, live.length),
    neverReviewed: never.length,
    dueWithin30Days: soon.length,
    items,
  };
}

function expiry(live: readonly InventoryRow[]): Kpis['expiry'] {
  const within = (days: number) => live.filter((r) => r.daysToExpiry > 0 && r.daysToExpiry <= days).length;
  return {
    expired: live.filter((r) => r.daysToExpiry <= 0).length,
    within30Days: within(30),
    within60Days: within(60),
    within90Days: within(90),
    items: live
      .filter((r) => r.daysToExpiry <= 90)
      .map((r) => ({
        identity: r.name,
        owner: r.owner,
        expires: r.expires,
        daysToExpiry: r.daysToExpiry,
        file: r.file,
      }))
      .sort((a, b) => a.daysToExpiry - b.daysToExpiry || cmp(a.identity, b.identity) || cmp(a.file, b.file)),
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function findingCounts(findings: readonly Finding[], titles: ReadonlyMap<string, string>): Kpis['findings'] {
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const c = byRule.get(f.rule) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    byRule.set(f.rule, c);
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    info: count('info'),
    byRule: [...byRule]
      .map(([rule, c]) => {
        const severity: Severity = c.errors > 0 ? 'error' : 'warning';
        return { rule, title: titles.get(rule) ?? rule, severity, errors: c.errors, warnings: c.warnings };
      })
      .sort(
        (a, b) =>
          b.errors + b.warnings - (a.errors + a.warnings) || RANK[a.severity] - RANK[b.severity] || cmp(a.rule, b.rule),
      ),
  };
}

function people(live: readonly InventoryRow[]): Kpis['owners']['people'] {
  const m = new Map<string, { owns: number; succeeds: number }>();
  const bump = (email: string, key: 'owns' | 'succeeds') => {
    const p = lower(email);
    const c = m.get(p) ?? { owns: 0, succeeds: 0 };
    c[key]++;
    m.set(p, c);
  };
  for (const r of live) {
    bump(r.owner, 'owns');
    bump(r.successor, 'succeeds');
  }
  return [...m]
    .map(([person, c]) => ({ person, owns: c.owns, succeeds: c.succeeds }))
    .sort((a, b) => b.owns - a.owns || b.succeeds - a.succeeds || cmp(a.person, b.person));
}

/** Static, federated-only and neither, over all live identities and per team (Login). */
function federation(live: readonly InventoryRow[]): Kpis['federation'] {
  const count = (rows: readonly InventoryRow[], login: InventoryRow['login']) =>
    rows.filter((r) => r.login === login).length;
  const teams = [...new Set(live.map((r) => r.team))].sort(cmp);
  return {
    static: share(count(live, 'static'), live.length),
    federated: share(count(live, 'federated'), live.length),
    none: share(count(live, 'none'), live.length),
    byTeam: teams.map((team) => {
      const rows = live.filter((r) => r.team === team);
      return {
        team,
        total: rows.length,
        static: count(rows, 'static'),
        federated: count(rows, 'federated'),
        none: count(rows, 'none'),
      };
    }),
  };
}
