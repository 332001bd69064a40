import { describe, expect, it } from 'vitest';
import { auditItems, renderAuditIssue } from '../../src/features/github/audit.js';
import { orgModel } from '../../src/model/org.js';
import { acme, ACME_FILES, ACME_ORG } from '../compile/aws-fixture.js';
import { parseInstant } from '../../src/common/time.js';

const at = (d: string) => parseInstant(d)!;
const all = ACME_FILES.map((f) => ({ file: `identities/${f}`, data: acme(f) }));

describe('auditItems', () => {
  it('nothing on a day when acme is in order', () => {
    expect(auditItems(all, ACME_ORG, at('2026-11-23'), 30 * 86_400_000)).toEqual([]);
  });

  it(
    'expiry, overdue review and certificate windows, sorted ' + 'by kind then time; routine rotations are not listed',
    () => {
      const items = auditItems(all, ACME_ORG, at('2027-01-15'), 30 * 86_400_000);
      expect(items.map((i) => [i.kind, i.identity, i.overdue])).toEqual([
        ['expiry', 'legacy-etl', false],
        ['expiry', 'release-bot', false],
        ['review', 'report-exporter', true],
      ]);
      expect(items.some((i) => (i.kind as string) === 'rotation')).toBe(false);
    },
  );
});

describe('renderAuditIssue', () => {
  it('mentions people only through valid githubLogins, teams only through their handle', () => {
    const spec = JSON.parse(JSON.stringify(ACME_ORG.spec)) as typeof ACME_ORG.spec;
    spec.githubLogins = { 'ivan@acme.example': 'x y', 'frank@acme.example': 'frank-platform' };
    const org = orgModel({ apiVersion: 'idac/v1', kind: 'Organization', spec });
    const body = renderAuditIssue(
      auditItems(all, org, at('2027-01-15'), 30 * 86_400_000),
      org,
      at('2027-01-15'),
      '30d',
    );
    const mentions = [...body.matchAll(/(^|[^`\w])@([A-Za-z0-9/_.-]+)/g)].map((m) => m[2]).sort();
    expect(mentions).toEqual(['acme/platform', 'frank-platform']);
    expect(body).toContain('owner `ivan@acme.example`');
    // SPEC §2: expired from the start of the day after `expires`, as plan's due date and validate say.
    expect(body).toContain(
      '- `legacy-etl` (`identities/data/legacy-etl.yaml`): expired from 2027-01-16 — `expires 2027-01-15: ' +
        'extend it or decommission the identity`',
    );
  });
});
