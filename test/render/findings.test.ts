// The four findings formats from one representative report, as golden files: the fix printed once
// per rule and file (text), fix and docs on every JSON finding, paths from the git root (github,
// SARIF), helpUri, and a list cut by --max-findings whose counts still cover every finding.
// `UPDATE=1 npx vitest run --config test/vitest.config.ts test/render` rewrites the golden files.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/common/findings.js';
import { renderGithub } from '../../src/render/findings-github.js';
import { renderJson } from '../../src/render/findings-json.js';
import type { FindingLinks, FindingsReport } from '../../src/render/findings-report.js';
import { renderSarif } from '../../src/render/findings-sarif.js';
import { renderText } from '../../src/render/findings-text.js';
import { ruleDocsUrl } from '../../src/rules/docs.js';
import { ruleById } from '../../src/rules/index.js';

const f = (
  rule: string,
  severity: Finding['severity'],
  file: string,
  line: number,
  column: number,
  identity: string | null,
  message: string,
): Finding => ({ rule, severity, file, line, column, identity, message });

const FINDINGS: Finding[] = [
  f('schema/unknown-key', 'error', 'identities/payments/app.yaml', 7, 3, 'app', 'unknown key "colour" in spec'),
  f('schema/unknown-key', 'error', 'identities/payments/app.yaml', 8, 3, 'app', 'unknown key "flavour" in spec'),
  f(
    'lifecycle/review-missing',
    'warning',
    'identities/payments/app.yaml',
    5,
    1,
    'app',
    'no review recorded in spec.review (org.yaml asks for one every 180d)',
  ),
  f('schema/unknown-key', 'error', 'identities/payments/other.yaml', 7, 3, 'other', 'unknown key "colour" in spec'),
  f('plan/mass-deletion', 'error', 'identities/org.yaml', 1, 1, null, 'this change deletes 12 identities'),
  f(
    'lifecycle/expired',
    'error',
    'identities/risk/late.yaml',
    13,
    12,
    'late',
    'expired: spec.expires is 2026-11-20 (valid through the end of that day, UTC)',
  ),
].sort(compareFindings);
const LINKS: FindingLinks = {
  docs: (id) => ruleDocsUrl('https://github.com/idac-dev/idac', id),
  gitPrefix: 'infra/iam id/',
};
const REPORT: FindingsReport = { identities: 3, findings: FINDINGS, limit: { max: 5, hint: '--max-findings 5' } };

const golden = (ext: string, out: string) => {
  const path = fileURLToPath(new URL(`../fixtures/render/findings.${ext}`, import.meta.url));
  if (process.env.UPDATE || !existsSync(path)) writeFileSync(path, out);
  expect(out).toBe(readFileSync(path, 'utf8'));
};

describe('findings formats', () => {
  it('text: test/fixtures/render/findings.txt', () => {
    const out = renderText(REPORT, { color: false, meta: (id) => ruleById.get(id)?.meta });
    golden('txt', out);
    // unknown-key once per file (2), review-missing once, mass-deletion (the plan's rule) once
    expect(out.match(/fix: /g)).toHaveLength(4);
  });

  it('json: test/fixtures/render/findings.json', () => {
    const out = renderJson(REPORT, LINKS);
    golden('json', out);
    const parsed = JSON.parse(out) as {
      findings: { rule: string; fix: string | null; docs: string | null }[];
      truncated: number;
    };
    expect(parsed.truncated).toBe(1);
    expect(parsed.findings.find((x) => x.rule === 'plan/mass-deletion')).toMatchObject({
      fix: ruleById.get('plan/mass-deletion')!.meta.fix,
      docs: 'https://github.com/idac-dev/idac/blob/main/docs/rules/plan/mass-deletion.md',
    });
  });

  it('github: test/fixtures/render/findings.github', () => {
    golden('github', renderGithub(REPORT, LINKS));
  });

  it('sarif: test/fixtures/render/findings.sarif', () => {
    golden(
      'sarif',
      renderSarif(REPORT, { version: '0.0.0-test', informationUri: 'https://github.com/idac-dev/idac' }, LINKS),
    );
  });

  it('a report cut to nothing still counts everything', () => {
    const out = renderText(
      { ...REPORT, limit: { max: 0, hint: '--max-findings 0' } },
      { color: false, meta: (id) => ruleById.get(id)?.meta },
    );
    expect(out).toBe('✖ 5 errors, 1 warning in 4 files; 3 identities checked (6 more not shown: --max-findings 0)\n');
  });
});
