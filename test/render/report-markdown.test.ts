// idac report --format markdown: examples/acme's report read back through a real Markdown parser
// (sections, well-formed tables, every inventory row), and hostile manifest values that must
// neither inject Markdown or HTML nor split a table cell.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../src/features/report/render-markdown.js';
import { buildReport } from '../../src/features/report/report.js';
import { ACME_NAMES, acmeReport } from '../report/acme.js';
import { hostileInput } from '../report/fixture.js';
import { flatten, HOSTILE } from './markdown-safety.js';

const md = new MarkdownIt({ html: true, linkify: true });

/** Each table as rows of cell texts (header first), from the parser's tokens. */
function tables(tokens: Token[]): string[][][] {
  const out: string[][][] = [];
  let rows: string[][] = [];
  let row: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'table_open') rows = [];
    if (t.type === 'tr_open') row = [];
    if (t.type === 'th_open' || t.type === 'td_open') row.push(tokens[i + 1]!.content);
    if (t.type === 'tr_close') rows.push(row);
    if (t.type === 'table_close') out.push(rows);
  }
  return out;
}

describe('examples/acme as Markdown', async () => {
  const out = renderReportMarkdown(await acmeReport());
  const tokens = md.parse(out, {});

  it('has the title, the as-of line and every section in order', () => {
    const headings = tokens.flatMap((t, i) =>
      t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]!.content}`] : [],
    );
    expect(headings).toEqual([
      'h1 Machine identity report',
      'h2 Key figures',
      'h2 Credentials',
      'h2 Federation',
      'h2 Rotation',
      'h2 Access reviews',
      'h2 Expiry',
      'h2 Findings by rule',
      'h2 Owners and succession',
      'h2 OWASP Non-Human Identities Top 10 coverage',
      'h2 Inventory',
    ]);
    expect(out).toContain(
      'As of `2026-11-23T00:00:00Z`: 16 identities in 3 teams (14 active, 1 suspended, 1 decommissioned). The ' +
        'figures count the 15 live identities.',
    );
  });

  it('states the KPIs', () => {
    const figures = Object.fromEntries(
      tables(tokens)[0]!
        .slice(1)
        .map(([k, v]) => [k, v]),
    );
    expect(figures).toEqual({
      'Owner and successor are current team members, two different people': '15 of 15 (100%)',
      'Federated: no static secret': '11 of 15 (73.3%)',
      'Holding a static credential': '4 of 15 (26.7%)',
      'Logging in only by federation (someone is trusted to become it)': '10 of 15 (66.7%)',
      'Static credentials rotating within policy': '4 of 4 (100%)',
      'Access reviews overdue (every `180d`)': '0 of 15 (0%); 0 never reviewed; 0 due within 30 days',
      'Expired / expiring within 30 · 60 · 90 days': '0 / 0 · 1 · 2',
      Findings: '0 errors, 0 warnings, 0 info',
      'OWASP NHI Top 10 risks checked': '10 of 10; 0 with findings',
    });
  });

  it("lists every identity in the inventory, and every table row has the header's cell count", () => {
    const all = tables(tokens);
    for (const t of all) for (const row of t) expect(row.length).toBe(t[0]!.length);
    const inventory = all[all.length - 1]!;
    expect(inventory[0]![0]).toBe('Name');
    expect(inventory.slice(1).map((r) => r[0])).toEqual(ACME_NAMES.map((n) => `\`${n}\``));
    const owasp = all[all.length - 2]!;
    expect(owasp.slice(1).map((r) => r[0]!.split(' ')[0])).toEqual([
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
  });

  it('is byte-identical on a second run', async () => {
    expect(renderReportMarkdown(await acmeReport())).toBe(out);
  });
});

describe('hostile manifest values', () => {
  it.each(HOSTILE.map((h) => [h]))('%j injects nothing and splits no cell', (value) => {
    const out = renderReportMarkdown(buildReport(hostileInput(value)));
    const tokens = flatten(md.parse(out, {}));
    const types = new Set(tokens.map((t) => t.type));
    for (const banned of [
      'link_open',
      'image',
      'html_inline',
      'html_block',
      'em_open',
      's_open',
      'code_block',
      'hr',
      'blockquote_open',
    ])
      expect(types, banned).not.toContain(banned);
    for (const t of tables(md.parse(out, {}))) for (const row of t) expect(row.length).toBe(t[0]!.length);
    // Still there for the reader, in code.
    const inCode = tokens
      .filter((t) => t.type === 'code_inline')
      .map((t) => t.content)
      .join('\n');
    expect(inCode).toContain(value.replace(/\n/g, '\\n').replace(/\u202e/g, '\\u202e'));
  });
});
