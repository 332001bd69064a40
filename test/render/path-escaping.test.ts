// File names are data (issue 14, item 2): a file name holding ESC, a line break, a bidi override,
// a zero-width or tag character, a C1 control or a look-alike space reaches no output raw. Every
// format that prints paths is rendered with such a name; the text must hold none of those
// characters (LF only between lines), JSON must still give the exact name back, and the GitHub
// annotations must stay one command per line.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/common/findings.js';
import type { HistoryEntry } from '../../src/features/history/history.js';
import { buildReport } from '../../src/features/report/report.js';
import { firstInvisible, visible } from '../../src/common/escape.js';
import { renderGithub } from '../../src/render/findings-github.js';
import { renderJson } from '../../src/render/findings-json.js';
import { renderSarif } from '../../src/render/findings-sarif.js';
import { renderText } from '../../src/render/findings-text.js';
import { renderHistoryJson, renderHistoryMarkdown, renderHistoryText } from '../../src/features/history/render.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { renderReportCsv } from '../../src/features/report/render-csv.js';
import { renderReportHtml } from '../../src/features/report/render-html.js';
import { renderReportJson } from '../../src/features/report/render-json.js';
import { renderReportMarkdown } from '../../src/features/report/render-markdown.js';
import { whoCanJson, whoCanText } from '../../src/features/query/render.js';
import { ruleById } from '../../src/rules/index.js';
import { hostileInput } from '../report/fixture.js';
import { hostilePlan } from './plan-fixtures.js';

const NAMES = [
  '\u001b[2J\u001b[31mred',
  'a\n::error file=x::forged',
  'a\r\n::add-mask::x',
  '\u202eliam.exe',
  'a\u2066b\u2069',
  'zero\u200bwidth\ufeff',
  'tag\u{e0041}\u{e007f}',
  'csi\u009b31m',
  'del\u007f',
  'nbsp\u00a0x',
  'line\u2028sep',
  'tab\tx',
];

/** Only LF (between lines) may be invisible in a rendered output; nothing else, anywhere. */
function expectInert(out: string, format: string): void {
  const bad = firstInvisible(out.replace(/\n/g, ''));
  expect(bad, `${format}: raw ${bad === null ? '' : visible(bad)}`).toBeNull();
}

const docs = () => 'https://example.com/docs';

describe.each(NAMES.map((n) => [visible(n), n]))('a file named %s', (_shown, name) => {
  const file = `identities/payments/${name}.yaml`;
  const finding: Finding = {
    rule: 'parse/file-name',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    identity: null,
    message: 'm',
  };
  const report = { identities: 1, findings: [finding] };

  it('findings: text, github, json, sarif', () => {
    expectInert(renderText(report, { color: false, meta: (id) => ruleById.get(id)?.meta }), 'text');
    expectInert(
      renderText(report, { color: true, meta: (id) => ruleById.get(id)?.meta }).replace(/\u001b\[[0-9;]*m/g, ''),
      "text (colour codes are idac's own)",
    );
    const gh = renderGithub(report, { gitPrefix: '' });
    expectInert(gh, 'github');
    expect(gh.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    const json = renderJson(report, { docs });
    expectInert(json, 'json');
    expect((JSON.parse(json) as { findings: { file: string }[] }).findings[0]!.file).toBe(file);
    const sarif = renderSarif(report, { version: 't', informationUri: 'https://example.com' }, { docs, gitPrefix: '' });
    expectInert(sarif, 'sarif');
    expectInert(JSON.stringify(JSON.parse(sarif)).replace(/\\n/g, ''), 'sarif (as a viewer reads it)');
  });

  it('report: html, csv, markdown, json', () => {
    const r = buildReport(hostileInput(name));
    expectInert(renderReportHtml(r), 'html');
    expectInert(renderReportCsv(r).replace(/\r\n/g, '\n'), 'csv');
    expectInert(renderReportMarkdown(r), 'markdown');
    expectInert(renderReportJson(r), 'json');
  });

  it('plan: text, markdown (the PR comment), json', () => {
    const plan = hostilePlan(name);
    expectInert(renderPlanText(plan, { color: false }), 'text');
    expectInert(renderPlanMarkdown(plan), 'markdown');
    expectInert(renderPlanJson(plan, { docs }), 'json');
  });

  it('who-can and history', () => {
    const match = {
      identity: 'app',
      target: 'aws' as const,
      grant: 's3:GetObject on arn:aws:s3:::b/*',
      file,
      line: 3,
      column: 5,
      elevation: null,
      window: null,
    };
    expectInert(whoCanText([match], 'none'), 'who-can text');
    expectInert(whoCanJson([match], [file]), 'who-can json');
    const entry: HistoryEntry = {
      sha: 'a'.repeat(40),
      author: name,
      date: '2026-11-20T10:00:00Z',
      email: 'x@example.com',
      pr: null,
      identity: name,
      kind: 'renamed',
      from: name,
      file,
      access: { gained: [], lost: [] },
      changes: [{ path: 'spec.purpose', before: name, after: 'b' }],
    };
    const h = { identity: name, since: null, entries: [entry] };
    expectInert(renderHistoryText(h), 'history text');
    expectInert(renderHistoryMarkdown(h), 'history markdown');
    expectInert(renderHistoryJson(h), 'history json');
    expect((JSON.parse(renderHistoryJson(h)) as { commits: { file: string }[] }).commits[0]!.file).toBe(file);
  });
});
