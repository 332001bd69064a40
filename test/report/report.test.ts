// The report model on a fixture with known counts (test/report/fixture.ts): every KPI exactly, the
// inventory rows, and the OWASP evidence, worked out by hand from the fixture's dates.
import { describe, expect, it } from 'vitest';
import { generations } from '../../src/compile/rotation.js';
import { coverage } from '../../src/render/rule-catalogue.js';
import { daysToExpiry, reviewState } from '../../src/features/report/inventory.js';
import { buildReport, owaspCoverage } from '../../src/features/report/report.js';
import { ruleById, rules } from '../../src/rules/index.js';
import type { RuleMeta } from '../../src/rules/types.js';
import { isoInstant } from '../../src/common/time.js';
import { fixtureInput, IDENTITIES, NOW } from './fixture.js';

const title = (id: string) => ruleById.get(id)!.meta.title;
const file = (name: string) => IDENTITIES.find((i) => i.data.metadata.name === name)!.file;

describe('buildReport on the fixture', () => {
  const report = buildReport(fixtureInput());

  it('summarises the repository', () => {
    expect(report.asOf).toBe('2026-11-23T00:00:00Z');
    expect(report.summary).toEqual({
      identities: 6,
      live: 5,
      teams: 2,
      byStatus: { active: 4, suspended: 1, decommissioned: 1 },
      skipped: 1,
      org: true,
    });
  });

  it('computes every KPI over the five live identities', () => {
    expect(report.kpis).toEqual({
      stewardship: {
        ownerInTeam: { count: 4, total: 5, percent: 80 }, // delta's owner q@ is in no team
        successorInTeam: { count: 4, total: 5, percent: 80 }, // charlie's successor z@ is in no team
        ownerAndSuccessor: { count: 2, total: 5, percent: 40 }, // alpha and foxtrot (A@X.io is a@x.io)
      },
      credentials: {
        federated: { count: 3, total: 5, percent: 60 },
        static: { count: 2, total: 5, percent: 40 },
        byKind: [
          { kind: 'aws-role', federated: true, count: 1 },
          { kind: 'kubernetes-service-account', federated: true, count: 2 },
          { kind: 'vault-kubernetes-auth', federated: true, count: 1 },
          { kind: 'vault-jwt-auth', federated: true, count: 0 },
          { kind: 'vault-aws-auth', federated: true, count: 0 },
          { kind: 'vault-cert-auth', federated: true, count: 0 },
          { kind: 'aws-access-key', federated: false, count: 1 }, // echo's is a tombstone's
          { kind: 'vault-secret-id', federated: false, count: 1 },
        ],
      },
      // alpha's role trusts a service account; delta's Vault Kubernetes auth without a service
      // account binds nobody, and foxtrot is Kubernetes only: neither.
      federation: {
        static: { count: 2, total: 5, percent: 40 },
        federated: { count: 1, total: 5, percent: 20 },
        none: { count: 2, total: 5, percent: 40 },
        byTeam: [
          { team: 'ops', total: 2, static: 1, federated: 0, none: 1 },
          { team: 'pay', total: 3, static: 1, federated: 1, none: 1 },
        ],
      },
      rotation: {
        compliant: { count: 1, total: 2, percent: 50 },
        overdue: [
          {
            identity: 'charlie',
            kind: 'vault-secret-id',
            reason: 'rotates every 45d, longer than the org limit of 30d',
            file: file('charlie'),
          },
        ],
      },
      reviews: {
        every: '180d',
        onTime: { count: 3, total: 5, percent: 60 },
        overdue: { count: 1, total: 5, percent: 20 },
        neverReviewed: 1,
        dueWithin30Days: 1, // delta, on 2026-12-07
        items: [
          { identity: 'charlie', owner: 'd@x.io', lastReviewed: null, due: null, file: file('charlie') },
          { identity: 'bravo', owner: 'a@x.io', lastReviewed: '2026-05-01', due: '2026-10-28', file: file('bravo') },
        ],
      },
      expiry: {
        expired: 1,
        within30Days: 1,
        within60Days: 2,
        within90Days: 3,
        items: [
          { identity: 'delta', owner: 'q@x.io', expires: '2026-11-20', daysToExpiry: -2, file: file('delta') },
          { identity: 'bravo', owner: 'a@x.io', expires: '2026-12-10', daysToExpiry: 18, file: file('bravo') },
          { identity: 'charlie', owner: 'd@x.io', expires: '2027-01-20', daysToExpiry: 59, file: file('charlie') },
          { identity: 'foxtrot', owner: 'A@X.io', expires: '2027-02-15', daysToExpiry: 85, file: file('foxtrot') },
        ],
      },
      findings: {
        errors: 3,
        warnings: 1,
        info: 1,
        byRule: [
          {
            rule: 'aws/no-wildcard-action',
            title: title('aws/no-wildcard-action'),
            severity: 'error',
            errors: 2,
            warnings: 0,
          },
          {
            rule: 'lifecycle/review-overdue',
            title: title('lifecycle/review-overdue'),
            severity: 'error',
            errors: 1,
            warnings: 0,
          },
          { rule: 'k8s/no-exec', title: title('k8s/no-exec'), severity: 'warning', errors: 0, warnings: 1 },
        ],
      },
      owners: {
        people: [
          { person: 'a@x.io', owns: 3, succeeds: 1 },
          { person: 'd@x.io', owns: 1, succeeds: 0 },
          { person: 'q@x.io', owns: 1, succeeds: 0 },
          { person: 'b@x.io', owns: 0, succeeds: 1 },
          { person: 'c@x.io', owns: 0, succeeds: 1 },
          { person: 'e@x.io', owns: 0, succeeds: 1 },
          { person: 'z@x.io', owns: 0, succeeds: 1 },
        ],
        gaps: [
          {
            identity: 'charlie',
            owner: 'd@x.io',
            successor: 'z@x.io',
            problems: ['successor-not-in-team'],
            file: file('charlie'),
          },
          {
            identity: 'delta',
            owner: 'q@x.io',
            successor: 'e@x.io',
            problems: ['owner-not-in-team'],
            file: file('delta'),
          },
          {
            identity: 'bravo',
            owner: 'a@x.io',
            successor: 'a@x.io',
            problems: ['successor-is-owner'],
            file: file('bravo'),
          },
        ],
      },
    });
  });

  it('lists every identity, tombstones included, by team then name', () => {
    expect(report.inventory.map((r) => [r.team, r.name])).toEqual([
      ['ops', 'charlie'],
      ['ops', 'delta'],
      ['pay', 'alpha'],
      ['pay', 'bravo'],
      ['pay', 'echo'],
      ['pay', 'foxtrot'],
    ]);
  });

  it('fills a row with stewardship, credentials and what falls due', () => {
    const bravo = IDENTITIES.find((i) => i.data.metadata.name === 'bravo')!;
    expect(report.inventory.find((r) => r.name === 'bravo')).toEqual({
      name: 'bravo',
      type: 'workload',
      team: 'pay',
      owner: 'a@x.io',
      successor: 'a@x.io',
      criticality: null,
      costCenter: null,
      purpose: 'The bravo workload.',
      targets: ['aws'],
      credential: 'static',
      credentialKinds: ['aws-access-key'],
      login: 'static',
      expires: '2026-12-10',
      daysToExpiry: 18,
      lastReviewed: '2026-05-01',
      reviewer: 'r@x.io',
      nextReview: '2026-10-28',
      reviewOverdue: true,
      nextRotation: isoInstant(generations(bravo.data, NOW).nextRotation!),
      status: 'active',
      file: 'identities/pay/bravo.yaml',
    });
    expect(report.inventory.find((r) => r.name === 'alpha')).toMatchObject({
      targets: ['aws', 'kubernetes'],
      credential: 'federated',
      credentialKinds: ['aws-role', 'kubernetes-service-account'],
      login: 'federated',
      nextRotation: null,
      nextReview: '2027-03-30',
      reviewOverdue: false,
    });
    // A tombstone's credentials are deleted with it: nothing rotates.
    expect(report.inventory.find((r) => r.name === 'echo')).toMatchObject({
      credential: 'static',
      nextRotation: null,
      status: 'decommissioned',
    });
  });

  it('without org.yaml: membership unchecked (said so), no review policy, no rotation limit', () => {
    const r = buildReport(fixtureInput({ org: null }));
    expect(r.summary.org).toBe(false);
    // only bravo's successor-is-owner is visible
    expect(r.kpis.stewardship.ownerAndSuccessor).toEqual({ count: 4, total: 5, percent: 80 });
    expect(r.kpis.reviews).toMatchObject({
      every: null,
      overdue: { count: 0, total: 5, percent: 0 },
      neverReviewed: 1,
    });
    expect(r.kpis.rotation.compliant).toEqual({ count: 2, total: 2, percent: 100 });
  });

  it('an empty repository has nothing to count rather than 0 %', () => {
    const r = buildReport(fixtureInput({ identities: [], findings: [], skipped: 0 }));
    expect(r.kpis.stewardship.ownerAndSuccessor).toEqual({ count: 0, total: 0, percent: null });
    expect(r.kpis.rotation.compliant).toEqual({ count: 0, total: 0, percent: null });
    expect(r.inventory).toEqual([]);
  });

  it('is deterministic: the same input gives the same report whatever the input order', () => {
    const shuffled = buildReport(
      fixtureInput({ identities: [...IDENTITIES].reverse(), findings: [...fixtureInput().findings].reverse() }),
    );
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(report));
  });
});

describe('expiry and review arithmetic (SPEC §2: expired from the start of the next day)', () => {
  it.each([
    ['2026-11-23', '2026-11-23T00:00:00Z', 1],
    ['2026-11-23', '2026-11-23T23:59:59Z', 1],
    ['2026-11-22', '2026-11-23T00:00:00Z', 0],
    ['2026-11-20', '2026-11-23T12:00:00Z', -2],
    ['2026-12-23', '2026-11-23T00:00:00Z', 31],
    ['not-a-date', '2026-11-23T00:00:00Z', 0],
  ])('expires %s at %s: %i days', (expires, now, days) => {
    expect(daysToExpiry(expires, Date.parse(now))).toBe(days);
  });

  it('a review due today is on time; the day after it is overdue (lifecycle/review-overdue)', () => {
    const delta = IDENTITIES.find((i) => i.data.metadata.name === 'delta')!.data;
    const org = fixtureInput().org;
    expect(reviewState(delta, org, Date.parse('2026-12-07T23:00:00Z'))).toEqual({ next: '2026-12-07', overdue: false });
    expect(reviewState(delta, org, Date.parse('2026-12-08T00:00:00Z'))).toEqual({ next: '2026-12-07', overdue: true });
  });
});

describe('OWASP NHI coverage', () => {
  const meta = (id: string, owasp: RuleMeta['owasp']): { meta: RuleMeta } => ({
    meta: { id, severity: 'error', title: id, rationale: '', fix: '', owasp },
  });

  it('per risk: the mapped rules, their findings here, a status and the blind spot', () => {
    const cov = owaspCoverage(
      [meta('b/y', ['NHI5']), meta('a/x', ['NHI1', 'NHI5'])],
      [
        { rule: 'a/x', severity: 'error', file: 'f', line: 1, column: 1, identity: null, message: '' },
        { rule: 'a/x', severity: 'warning', file: 'f', line: 2, column: 1, identity: null, message: '' },
        { rule: 'zz/unmapped', severity: 'error', file: 'f', line: 1, column: 1, identity: null, message: '' },
      ],
    );
    expect(cov.map((c) => c.id)).toEqual([
      'NHI1',
      'NHI2',
      'NHI3',
      'NHI4',
      'NHI5',
      'NHI6',
      'NHI7',
      'NHI8',
      'NHI9',
      'NHI10',
    ]);
    expect(cov[0]).toMatchObject({ status: 'findings', rules: [{ rule: 'a/x', findings: 2 }], findings: 2 });
    expect(cov[1]).toMatchObject({ status: 'no-rule', rules: [], findings: 0 });
    expect(cov[4]).toMatchObject({
      status: 'findings',
      rules: [
        { rule: 'a/x', findings: 2 },
        { rule: 'b/y', findings: 0 },
      ],
      findings: 2,
    });
    expect(owaspCoverage([meta('b/y', ['NHI5'])], [])[4]).toMatchObject({ status: 'clean', findings: 0 });
  });

  it('maps the same rules and blind spots as `idac rules`', () => {
    const cov = buildReport(fixtureInput()).owasp;
    expect(
      cov.map((c) => ({ id: c.id, title: c.title, rules: c.rules.map((r) => r.rule), blindSpot: c.blindSpot })),
    ).toEqual(coverage(rules));
    // The fixture's findings are evidence for the risks their rules map to.
    const nhi5 = cov.find((c) => c.id === 'NHI5')!;
    expect(nhi5.rules.filter((r) => r.findings > 0)).toEqual([
      { rule: 'aws/no-wildcard-action', findings: 2 },
      { rule: 'k8s/no-exec', findings: 1 },
      { rule: 'lifecycle/review-overdue', findings: 1 },
    ]);
  });
});
