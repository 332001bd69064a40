// idac report --format html: one self-contained page (no script, no external asset), the charts
// and tables present on examples/acme, and hostile manifest values that must stay text. Every tag
// and attribute the page holds is checked against what the renderer itself writes.
import { describe, expect, it } from 'vitest';
import { esc, renderReportHtml } from '../../src/features/report/render-html.js';
import { buildReport } from '../../src/features/report/report.js';
import { ACME_NAMES, acmeReport } from '../report/acme.js';
import { hostileInput } from '../report/fixture.js';
import { HOSTILE } from './markdown-safety.js';

const TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'h2',
  'h3',
  'p',
  'nav',
  'a',
  'main',
  'section',
  'div',
  'span',
  'strong',
  'code',
  'time',
  'br',
  'wbr',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'svg',
  'g',
  'rect',
  'text',
]);
const ATTRIBUTES = new Set([
  'html',
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'id',
  'href',
  'style',
  'datetime',
  'role',
  'aria-label',
  'aria-hidden',
  'width',
  'height',
  'viewBox',
  'x',
  'y',
  'text-anchor',
]);

/** Every tag as [name, attributes]; throws on a `<` that opens no well-formed tag. */
function tags(html: string): [string, [string, string][]][] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const out: [string, [string, string][]][] = [];
  const re = /<(\/?)(!?[a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"<>]*")?)*)\s*\/?>/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    expect(body.slice(last, m.index), 'text between tags').not.toMatch(/[<>]/);
    last = re.lastIndex;
    out.push([m[2]!.toLowerCase(), [...m[3]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''])]);
  }
  expect(body.slice(last), 'text after the last tag').not.toMatch(/[<>]/);
  return out;
}

function checkStructure(html: string): void {
  for (const [name, attrs] of tags(html)) {
    expect(TAGS, `tag <${name}>`).toContain(name);
    for (const [attr, value] of attrs) {
      expect(ATTRIBUTES, `attribute ${attr} on <${name}>`).toContain(attr);
      if (attr === 'href') expect(value).toMatch(/^#[a-z]+$/);
      if (attr === 'style') expect(value).toMatch(/^width:[0-9.]+%$/);
    }
  }
}

describe('examples/acme as HTML', async () => {
  const html = renderReportHtml(await acmeReport());

  it('is one self-contained page: no script, no external asset, a CSP that forbids both', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc=|url\(|@import|https?:\/\//i);
    checkStructure(html);
  });

  it('holds the title, charts and every inventory row', () => {
    expect(html).toContain('<title>Machine identity report (2026-11-23T00:00:00Z)</title>');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    for (const label of [
      'Live identities: federated against static credentials',
      'Credentials by kind (live identities)',
      'Identities expired or expiring (cumulative)',
      'Live identities per person (top 10): owned, then as successor',
    ]) {
      expect(html).toContain(`aria-label="${label}"`);
    }
    const inventory = html.slice(
      html.indexOf('<table class="inventory">'),
      html.indexOf('</table>', html.indexOf('<table class="inventory">')),
    );
    const rows = [...inventory.matchAll(/<tr><td><code>([^<]*)<\/code>/g)].map((m) => m[1]);
    expect(rows).toEqual(ACME_NAMES);
    for (const id of ['NHI1', 'NHI5', 'NHI10']) expect(html).toContain(`<strong>${id}</strong>`);
  });

  it(
    'prints: page breaks between sections, header rows repeated, ' +
      'the inventory on a landscape page, no colour needed',
    () => {
      const print = html.slice(html.indexOf('@media print'));
      for (const rule of [
        'h2 { font-size: 14pt; break-before: page;',
        'thead { display: table-header-group; }',
        '#inventory { page: wide; }',
        'tr, .chart, .card { break-inside: avoid; }',
      ])
        expect(print).toContain(rule);
      expect(html).toContain('@page wide { size: A4 landscape;');
      expect(html).toContain('table.inventory { font-size: 12.5px; table-layout: fixed; }');
    },
  );

  it('is byte-identical on a second run (no clock, no random ids)', async () => {
    expect(renderReportHtml(await acmeReport())).toBe(html);
  });
});

describe('hostile manifest values stay text', () => {
  const ATTACKS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    '</style><script>x</script>',
    '<svg onload=alert(1)>',
    '&lt;script&gt;',
    ...HOSTILE,
  ];

  it.each(ATTACKS.map((a) => [a]))('%j', (value) => {
    const html = renderReportHtml(buildReport(hostileInput(value)));
    checkStructure(html);
    expect(html).not.toMatch(/<script|<img/i); // and checkStructure admits no on* attribute
    // Still there for the reader, escaped: the purpose in the inventory, the file name, the owner.
    expect(html).toContain(`<div class="purpose">${esc(value, 160)}</div>`);
  });

  it('escapes text and attribute values alike, and shows invisible characters', () => {
    expect(esc('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(esc('abc\u202edef\nghi')).toBe('abc\\u202edef\\nghi');
    expect(esc('x'.repeat(400), 300)).toBe(`${'x'.repeat(300)}…`);
  });
});
