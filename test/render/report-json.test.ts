// idac report --format json: the documented shape and key order on examples/acme, and stability.
import { describe, expect, it } from 'vitest';
import { renderReportJson } from '../../src/features/report/render-json.js';
import { buildReport } from '../../src/features/report/report.js';
import { ACME_NAMES, acmeReport } from '../report/acme.js';
import { hostileInput } from '../report/fixture.js';

describe('examples/acme as JSON', async () => {
  const out = renderReportJson(await acmeReport());
  const doc = JSON.parse(out);

  it('keeps the documented key order', () => {
    expect(Object.keys(doc)).toEqual(['asOf', 'summary', 'kpis', 'owasp', 'inventory']);
    expect(Object.keys(doc.summary)).toEqual(['identities', 'live', 'teams', 'byStatus', 'skipped', 'org']);
    expect(Object.keys(doc.kpis)).toEqual([
      'stewardship',
      'credentials',
      'federation',
      'rotation',
      'reviews',
      'expiry',
      'findings',
      'owners',
    ]);
    expect(Object.keys(doc.owasp[0])).toEqual(['id', 'title', 'status', 'rules', 'findings', 'blindSpot']);
    expect(Object.keys(doc.inventory[0])).toEqual([
      'name',
      'type',
      'team',
      'owner',
      'successor',
      'criticality',
      'costCenter',
      'purpose',
      'targets',
      'credential',
      'credentialKinds',
      'login',
      'expires',
      'daysToExpiry',
      'lastReviewed',
      'reviewer',
      'nextReview',
      'reviewOverdue',
      'nextRotation',
      'status',
      'file',
    ]);
  });

  it("holds examples/acme's figures", () => {
    expect(doc.asOf).toBe('2026-11-23T00:00:00Z');
    expect(doc.summary).toEqual({
      identities: 16,
      live: 15,
      teams: 3,
      byStatus: { active: 14, suspended: 1, decommissioned: 1 },
      skipped: 0,
      org: true,
    });
    expect(doc.inventory.map((r: { name: string }) => r.name)).toEqual(ACME_NAMES);
    expect(doc.kpis.credentials.federated).toEqual({ count: 11, total: 15, percent: 73.3 });
    expect(doc.kpis.rotation.compliant).toEqual({ count: 4, total: 4, percent: 100 });
    expect(doc.kpis.expiry).toMatchObject({ expired: 0, within30Days: 0, within60Days: 1, within90Days: 2 });
    expect(doc.owasp.map((c: { status: string }) => c.status)).toEqual(Array(10).fill('clean'));
    expect(doc.inventory.find((r: { name: string }) => r.name === 'report-exporter')).toMatchObject({
      credential: 'static',
      credentialKinds: ['aws-access-key'],
      costCenter: expect.any(String),
    });
  });

  it('ends with one newline and is byte-identical on a second run', async () => {
    expect(out.endsWith('}\n')).toBe(true);
    expect(renderReportJson(await acmeReport())).toBe(out);
  });

  it('carries hostile text as JSON strings, unchanged', () => {
    const value = '</script><img src=x onerror=alert(1)>\u202e"\n';
    const doc2 = JSON.parse(renderReportJson(buildReport(hostileInput(value)))) as {
      inventory: { name: string; purpose: string }[];
    };
    expect(doc2.inventory.find((r) => r.name === value)?.purpose).toBe(value);
  });
});
