// idac report through the built CLI: every format on examples/acme, --out, determinism, a repo
// with findings and an invalid manifest, and the exit codes (0 whatever it finds, 2 when it
// cannot run).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, repo, root, STACK_TRACE } from './cli.js';
import { ACME_CA } from './acme.js';

const acme = join(root, 'examples/acme');
const NOW = ['--now', '2026-11-23'];
const org = readFileSync(join(acme, 'identities/org.yaml'), 'utf8');
const reader = readFileSync(join(acme, 'identities/payments/settlement-reader.yaml'), 'utf8');
const ledger = readFileSync(join(acme, 'identities/payments/ledger-writer.yaml'), 'utf8');

describe('idac report (built CLI)', () => {
  it.each([
    ['markdown', /^# Machine identity report\n/],
    ['json', /^\{\n {2}"asOf": "2026-11-23T00:00:00Z",\n/],
    ['csv', /^name,type,team,owner,successor,/],
    ['html', /^<!DOCTYPE html>\n/],
  ])('examples/acme --format %s: exit 0, nothing on stderr, byte-identical twice', (format, start) => {
    const args = ['report', '--dir', acme, ...NOW, '--format', format];
    const r = idac(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(start);
    expect(idac(args).stdout).toBe(r.stdout);
  });

  it('defaults to Markdown, and --out writes the file instead of stdout', () => {
    expect(idac(['report', '--dir', acme, ...NOW]).stdout).toMatch(/^# Machine identity report\n/);
    const out = join(mkdtempSync(join(tmpdir(), 'idac-report-')), 'report.html');
    const r = idac(['report', '--dir', acme, ...NOW, '--format', 'html', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(idac(['report', '--dir', acme, ...NOW, '--format', 'html']).stdout);
  });

  it('counts findings per rule and the manifests that did not load; still exit 0 (a report, not a gate)', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      // A wildcard action and a successor who is the owner.
      'identities/payments/settlement-reader.yaml': reader
        .replace('s3:GetObject', '"*"')
        .replace('successor: bob@acme.example', 'successor: alice@acme.example'),
      // A review that is long overdue.
      'identities/payments/ledger-writer.yaml': ledger.replace(/lastReviewed: [0-9-]+/, 'lastReviewed: 2025-01-01'),
      'identities/payments/broken.yaml': 'a: [\n',
    });
    const r = idac(['report', '--dir', dir, ...NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ identities: 2, live: 2, skipped: 1 });
    const byRule = Object.fromEntries(
      doc.kpis.findings.byRule.map((f: { rule: string; errors: number }) => [f.rule, f.errors]),
    );
    expect(byRule).toMatchObject({
      'aws/no-wildcard-action': 1,
      'lifecycle/review-overdue': 1,
      'stewardship/successor-not-owner': 1,
      'parse/syntax': 1,
    });
    expect(doc.kpis.reviews.overdue).toEqual({ count: 1, total: 2, percent: 50 });
    expect(doc.kpis.owners.gaps).toEqual([
      {
        identity: 'settlement-reader',
        owner: 'alice@acme.example',
        successor: 'alice@acme.example',
        problems: ['successor-is-owner'],
        file: 'identities/payments/settlement-reader.yaml',
      },
    ]);
    expect(doc.owasp.find((c: { id: string }) => c.id === 'NHI5').status).toBe('findings');
    expect(idac(['report', '--dir', dir, ...NOW]).stdout).toContain(
      '> 1 manifest did not load and is missing from this report: run `idac validate`.',
    );
  });

  it.each([
    [['--format', 'pdf'], /--format must be one of markdown, json, html, csv, not "pdf"/],
    [['--now', 'yesterday'], /--now "yesterday" is not an ISO-8601 date/],
  ])('%j exits 2 with one line', (flags, message) => {
    const r = idac(['report', '--dir', acme, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a directory without identities/ exits 2', () => {
    const r = idac(['report', '--dir', repo({ 'README.md': 'x' }), ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^idac: --dir .* holds no identities\/ folder/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
