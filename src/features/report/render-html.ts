// `idac report --format html`: one self-contained page a security officer can open, mail or
// print. No script, no external asset: CSS inline, charts as inline SVG, and a Content-Security-
// Policy that forbids everything else, so even an escaping slip could not run code or call out.
// Every value that came from a manifest goes through `esc` (entities in text and attributes,
// invisible and bidi characters shown as \u escapes); nothing here reads a clock.

import type { Kpis, Report, Share } from './types.js';
import { cap } from '../../common/escape.js';
import { oneLine } from '../../render/markdown.js';
import {
  KIND_LABEL,
  LOGIN_LABEL,
  NHI_STATUS_LABEL,
  plural,
  PROBLEM_LABEL,
  REPORT_TITLE,
  showDays,
  showShare,
  TOP_PEOPLE,
} from './view.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value: one line, capped, entity-escaped. */
export function esc(text: string, max = 300): string {
  return cap(oneLine(text), max).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** Escaped, with a line-break opportunity after each `@` and `/` (e-mails, paths; `.yaml` for paths). */
const breakable = (text: string): string => esc(text).replace(/[@/]/g, '$&<wbr>');
const breakablePath = (text: string): string => breakable(text).replace(/\.(?=ya?ml$)/, '<wbr>.');
const code = (text: string, max?: number): string => `<code>${esc(text, max)}</code>`;
const orDash = (text: string | null): string => (text === null ? '<span class="muted">—</span>' : esc(text));
const num = (n: number): string => `<td class="num">${n}</td>`;

function table(
  cls: string,
  head: string[],
  rows: string[][],
  numeric: ReadonlySet<number> = new Set(),
  widths: readonly number[] = [],
): string {
  const cols = widths.length ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>\n` : '';
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>` +
        r.map((c, i) => (c.startsWith('<td') ? c : `<td${numeric.has(i) ? ' class="num"' : ''}>${c}</td>`)).join('') +
        `</tr>`,
    )
    .join('\n');
  return `<table class="${cls}">\n${cols}<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

interface Bar {
  label: string;
  segments: { value: number; cls: string }[];
  note: string;
}

/**
 * Horizontal bars, one row each: label, bar (stacked segments), note. Fixed pixel geometry that
 * shrinks with the page (viewBox), so labels never overlap bars; long labels are capped and kept
 * whole in a tooltip.
 */
function barChart(
  title: string,
  bars: Bar[],
  opts: { label?: number; legend?: { label: string; cls: string }[] } = {},
): string {
  const L = opts.label ?? 220;
  const B = 440;
  const W = L + B + 230;
  const row = 26;
  const legend = opts.legend ?? [];
  const H = bars.length * row + 8 + (legend.length ? row : 0);
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((s, x) => s + x.value, 0)));
  // About 7px a character at 12px: a label longer than its column is cut (whole in the tooltip).
  const fits = Math.floor((L - 12) / 7);
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    let x = L;
    const rects = b.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = Math.max(2, Math.round((s.value / max) * B));
        const r = `<rect class="${s.cls}" x="${x}" y="${y + 3}" width="${w}" height="16"/>`;
        x += w;
        return r;
      });
    return (
      `<g><title>${esc(b.label, 300)}: ${esc(b.note)}</title><text class="label" x="${L - 8}" y="${y + 15}" ` +
      `text-anchor="end">${esc(b.label, fits)}</text><rect class="track" x="${L}" y="${y + 3}" width="${B}" ` +
      `height="16"/>${rects.join('')}<text class="note" x="${x + 6}" y="${y + 15}">${esc(b.note)}</text></g>`
    );
  });
  const ly = 4 + bars.length * row + 6;
  // Each key advances by its label's length (~7px a character at 12px), so keys never overlap.
  let kx = L;
  const keys = legend.map((k) => {
    const key =
      `<rect class="key ${k.cls}" x="${kx}" y="${ly + 2}" width="12" height="12"/><text class="note" ` +
      `x="${kx + 18}" y="${ly + 12}">${esc(k.label)}</text>`;
    kx += 18 + k.label.length * 7 + 28;
    return key;
  });
  return (
    `<figure class="chart"><svg role="img" aria-label="${esc(title)}" width="${W}" height="${H}" viewBox="0 0 ` +
    `${W} ${H}">\n${rows.join('\n')}${keys.length ? `\n<g class="legend">${keys.join('')}</g>` : ''}\n</svg><fi` +
    `gcaption>${esc(title)}</figcaption></figure>`
  );
}

/** Rule ids grouped by domain (`aws`: assume-role-any, …): a long list stays scannable. */
function ruleList(ids: readonly string[]): string {
  const byDomain = new Map<string, string[]>();
  for (const id of ids) {
    const [domain, ...rest] = id.split('/');
    byDomain.set(domain!, [...(byDomain.get(domain!) ?? []), rest.join('/')]);
  }
  return [...byDomain]
    .map(
      ([d, names]) => `<div><strong>${esc(d)}/</strong> ${names.map((n) => `<code>${esc(n)}</code>`).join(', ')}</div>`,
    )
    .join('');
}

function card(value: string, label: string, share: Share | null, tone: 'ok' | 'warn' | 'bad' | 'plain'): string {
  const meter =
    share === null || share.percent === null
      ? ''
      : `<svg class="meter" width="160" height="8" viewBox="0 0 160 8" aria-hidden="true"><rect class="track" ` +
        `width="160" height="8"/><rect class="fill-${tone}" width="${Math.round(share.percent * 1.6)}" ` +
        `height="8"/></svg>`;
  return `<div class="card ${tone}"><div class="v">${value}</div>${meter}<div class="l">${label}</div></div>`;
}

const pctText = (s: Share): string => (s.percent === null ? '—' : `${s.percent}%`);
const toneOf = (good: boolean, bad: boolean): 'ok' | 'warn' | 'bad' => (bad ? 'bad' : good ? 'ok' : 'warn');

export function renderReportHtml(r: Report): string {
  const { kpis: k, summary: s } = r;
  const parts: string[] = [];
  const section = (id: string, title: string, body: string) =>
    parts.push(`<section id="${id}">\n<h2>${title}</h2>\n${body}\n</section>`);

  const checked = r.owasp.filter((c) => c.status !== 'no-rule').length;
  const notes = [
    s.skipped > 0
      ? `<p class="note">${plural(s.skipped, 'manifest')} did not load and ${s.skipped === 1 ? 'is' : 'are'} ` +
        `missing from this report: run <code>idac validate</code>.</p>`
      : '',
    s.org
      ? ''
      : '<p class="note">org.yaml is missing or invalid: team membership of owners and successors was not checked.</p>',
  ].join('');
  const owners = k.stewardship.ownerAndSuccessor;
  const reviewsDue = k.reviews.overdue.count + k.reviews.neverReviewed;
  const withFindings = r.owasp.filter((c) => c.status === 'findings').length;
  const cards = [
    card(
      pctText(owners),
      `owner and successor are current team members, two different people: ${showShare(owners)}`,
      owners,
      toneOf(owners.count === owners.total, false),
    ),
    card(
      pctText(k.credentials.federated),
      `federated, no static secret: ${showShare(k.credentials.federated)}`,
      k.credentials.federated,
      toneOf(k.credentials.static.count === 0, false),
    ),
    card(
      pctText(k.rotation.compliant),
      `static credentials rotating within policy: ${showShare(k.rotation.compliant)}`,
      k.rotation.compliant,
      toneOf(k.rotation.overdue.length === 0, k.rotation.overdue.length > 0),
    ),
    card(
      String(reviewsDue),
      `access reviews overdue (${k.reviews.overdue.count}) or never done (${k.reviews.neverReviewed}); ` +
        `${k.reviews.dueWithin30Days} due within 30 days`,
      null,
      toneOf(reviewsDue === 0, k.reviews.overdue.count > 0),
    ),
    card(
      `${k.expiry.within30Days}`,
      `expiring within 30 days; ${k.expiry.expired} expired, ${k.expiry.within90Days} within 90 days`,
      null,
      toneOf(k.expiry.within30Days + k.expiry.expired === 0, k.expiry.expired > 0),
    ),
    card(
      `${k.findings.errors} / ${k.findings.warnings}`,
      'errors / warnings from idac validate',
      null,
      toneOf(k.findings.errors + k.findings.warnings === 0, k.findings.errors > 0),
    ),
    card(
      `${checked} / ${r.owasp.length}`,
      `OWASP NHI Top 10 risks checked; ${withFindings} with findings`,
      null,
      'plain',
    ),
  ];
  section('summary', 'Key figures', `<div class="cards">\n${cards.join('\n')}\n</div>`);

  const rotation =
    k.rotation.overdue.length === 0
      ? `<p>Every static credential (${k.rotation.compliant.total}) rotates within org.yaml's limits.</p>`
      : table(
          'list',
          ['Identity', 'Credential', 'Why it is overdue'],
          k.rotation.overdue.map((o) => [code(o.identity), KIND_LABEL[o.kind], esc(o.reason)]),
        );
  section(
    'credentials',
    'Credentials and rotation',
    `${barChart(
      'Live identities: federated against static credentials',
      [
        {
          label: 'Live identities',
          segments: [
            { value: k.credentials.federated.count, cls: 'fed' },
            { value: k.credentials.static.count, cls: 'static' },
          ],
          note:
            `${k.credentials.federated.count} federated (${pctText(k.credentials.federated)}) · ` +
            `${k.credentials.static.count} static (${pctText(k.credentials.static)})`,
        },
      ],
      {
        legend: [
          { label: 'federated: no static secret', cls: 'fed' },
          { label: 'holds a static credential', cls: 'static' },
        ],
      },
    )}
${barChart(
  'Credentials by kind (live identities)',
  k.credentials.byKind.map((c) => ({
    label: KIND_LABEL[c.kind],
    segments: [{ value: c.count, cls: c.federated ? 'fed' : 'static' }],
    note: `${c.count} · ${c.federated ? 'federated' : 'static'}`,
  })),
)}
${barChart(
  'How live identities log in, per team',
  [...k.federation.byTeam, { team: 'All teams', ...federationTotals(k.federation) }].map((t) => ({
    label: t.team,
    segments: [
      { value: t.federated, cls: 'fed' },
      { value: t.static, cls: 'static' },
      { value: t.none, cls: 'warn' },
    ],
    note: `${t.federated} federated only · ${t.static} static · ${t.none} neither`,
  })),
  {
    legend: [
      { label: LOGIN_LABEL.federated, cls: 'fed' },
      { label: LOGIN_LABEL.static, cls: 'static' },
      { label: 'neither', cls: 'warn' },
    ],
  },
)}
<h3>Rotation overdue</h3>
${rotation}`,
  );

  const expiring =
    k.expiry.items.length === 0
      ? '<p>Nothing expires within 90 days.</p>'
      : table(
          'list',
          ['Identity', 'Owner', 'Expires', 'When'],
          k.expiry.items.map((i) => [code(i.identity), breakable(i.owner), esc(i.expires), showDays(i.daysToExpiry)]),
        );
  const reviews =
    k.reviews.items.length === 0
      ? '<p>No review is overdue and every live identity has been reviewed.</p>'
      : table(
          'list',
          ['Identity', 'Owner', 'Last reviewed', 'Due'],
          k.reviews.items.map((i) => [
            code(i.identity),
            breakable(i.owner),
            orDash(i.lastReviewed),
            i.lastReviewed === null ? 'never reviewed' : orDash(i.due),
          ]),
        );
  section(
    'lifecycle',
    'Expiry and access reviews',
    `${barChart('Identities expired or expiring (cumulative)', [
      { label: 'Expired', segments: [{ value: k.expiry.expired, cls: 'bad' }], note: String(k.expiry.expired) },
      {
        label: 'Within 30 days',
        segments: [{ value: k.expiry.within30Days, cls: 'warn' }],
        note: String(k.expiry.within30Days),
      },
      {
        label: 'Within 60 days',
        segments: [{ value: k.expiry.within60Days, cls: 'warn' }],
        note: String(k.expiry.within60Days),
      },
      {
        label: 'Within 90 days',
        segments: [{ value: k.expiry.within90Days, cls: 'warn' }],
        note: String(k.expiry.within90Days),
      },
    ])}
<h3>Expired or expiring within 90 days</h3>
${expiring}
<h3>Access reviews overdue or never done${k.reviews.every ? ` (every ${esc(k.reviews.every)})` : ''}</h3>
${reviews}`,
  );

  const byRule = k.findings.byRule;
  section(
    'findings',
    'Findings by rule',
    byRule.length === 0
      ? '<p>idac validate reports no errors or warnings.</p>'
      : `${barChart(
          'Errors and warnings per rule',
          byRule.map((f) => ({
            label: f.rule,
            segments: [
              { value: f.errors, cls: 'bad' },
              { value: f.warnings, cls: 'warn' },
            ],
            note: [f.errors ? plural(f.errors, 'error') : '', f.warnings ? plural(f.warnings, 'warning') : '']
              .filter(Boolean)
              .join(', '),
          })),
          {
            label: 300,
            legend: [
              { label: 'errors', cls: 'bad' },
              { label: 'warnings', cls: 'warn' },
            ],
          },
        )}
${table(
  'list',
  ['Rule', 'What it catches', 'Errors', 'Warnings'],
  byRule.map((f) => [code(f.rule), esc(f.title), num(f.errors), num(f.warnings)]),
  new Set([2, 3]),
)}`,
  );

  const top = k.owners.people.slice(0, TOP_PEOPLE);
  const more =
    k.owners.people.length > top.length
      ? `<p class="muted">${plural(k.owners.people.length - top.length, 'more person', 'more people')} not ` +
        `shown (<code>--format json</code> lists everyone).</p>`
      : '';
  const gaps =
    k.owners.gaps.length === 0
      ? '<p>Every live identity has an owner and a different successor in its team.</p>'
      : table(
          'list',
          ['Identity', 'Owner', 'Successor', 'Gap'],
          k.owners.gaps.map((g) => [
            code(g.identity),
            breakable(g.owner),
            breakable(g.successor),
            g.problems.map((p) => PROBLEM_LABEL[p]).join('; '),
          ]),
        );
  section(
    'owners',
    'Owners and succession',
    `${barChart(
      `Live identities per person (top ${TOP_PEOPLE}): owned, then as successor`,
      top.map((p) => ({
        label: p.person,
        segments: [
          { value: p.owns, cls: 'own' },
          { value: p.succeeds, cls: 'succ' },
        ],
        note: `owns ${p.owns} · successor for ${p.succeeds}`,
      })),
      {
        label: 260,
        legend: [
          { label: 'owns', cls: 'own' },
          { label: 'successor for', cls: 'succ' },
        ],
      },
    )}
${more}
<h3>Succession gaps</h3>
${gaps}`,
  );

  section(
    'owasp',
    'OWASP Non-Human Identities Top 10 coverage',
    table(
      'owasp',
      [
        'Risk',
        'Status',
        'Controls: the rules idac enforces',
        'Evidence: findings here',
        'What a static check cannot see',
      ],
      r.owasp.map((c) => [
        `<strong>${esc(c.id)}</strong> ${esc(c.title)}`,
        `<span class="badge ${c.status}">${NHI_STATUS_LABEL[c.status]}</span>`,
        c.rules.length === 0
          ? '<span class="muted">none</span>'
          : `<div class="rules"><div>${plural(c.rules.length, 'rule')}</div>` +
            `${ruleList(c.rules.map((x) => x.rule))}</div>`,
        c.rules.length === 0
          ? '—'
          : c.findings === 0
            ? 'none'
            : `<div class="evidence">${c.rules
                .filter((x) => x.findings > 0)
                .map((x) => `${code(x.rule)}&nbsp;${x.findings}`)
                .join('<br>')}</div>`,
        esc(c.blindSpot),
      ]),
    ),
  );

  // Fixed column widths: the table always fits the page (screen or print) and long values wrap
  // inside their column instead of pushing the table past the edge.
  section(
    'inventory',
    `Inventory (${plural(r.inventory.length, 'identity', 'identities')})`,
    table(
      'inventory',
      [
        'Name and purpose',
        'Type',
        'Team',
        'Owner / successor',
        'Targets and credentials',
        'Expires',
        'Last review',
        'Next rotation',
        'Status',
        'File',
      ],
      r.inventory.map((i) => [
        `${code(i.name)}<div class="purpose">${esc(i.purpose, 160)}</div>`,
        esc(i.type),
        esc(i.team),
        `${breakable(i.owner)}<div class="small">successor ${breakable(i.successor)}</div>`,
        `<span class="badge ${i.credential}">${i.credential}</span>` +
          i.credentialKinds.map((c) => `<div class="small">${KIND_LABEL[c]}</div>`).join(''),
        `<span class="date">${esc(i.expires)}</span>` +
          (i.status !== 'decommissioned' && i.daysToExpiry <= 90
            ? `<div class="small ${i.daysToExpiry <= 0 ? 'bad' : 'warn'}">${showDays(i.daysToExpiry)}</div>`
            : ''),
        `<span class="date">${orDash(i.lastReviewed)}</span>` +
          (i.status !== 'decommissioned' && i.reviewOverdue ? '<div class="small bad">overdue</div>' : ''),
        i.nextRotation === null ? orDash(null) : esc(i.nextRotation).replace('T', 'T<wbr>'),
        `<span class="badge ${esc(i.status)}">${esc(i.status)}</span>`,
        `<code>${breakablePath(i.file)}</code>`,
      ]),
      new Set(),
      [17, 6.5, 6.5, 14, 13, 7.5, 7, 8, 10.5, 10],
    ),
  );

  return (
    `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="idac report">
<title>${REPORT_TITLE} (${esc(r.asOf)})</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${REPORT_TITLE}</h1>
<p class="meta">As of <time datetime="${esc(r.asOf)}">${esc(r.asOf)}</time> · ` +
    `${plural(s.identities, 'identity', 'identities')} in ${plural(s.teams, 'team')} (${s.byStatus.active} active, ` +
    `${s.byStatus.suspended} suspended, ${s.byStatus.decommissioned} decommissioned) · the figures count the ` +
    `${plural(s.live, 'live identity', 'live identities')}</p>
${notes}<nav><a href="#summary">Key figures</a> · <a href="#credentials">Credentials and rotation</a> · <a ` +
    `href="#lifecycle">Expiry and reviews</a> · <a href="#findings">Findings</a> · <a href="#owners">Owners</a> · ` +
    `<a href="#owasp">OWASP NHI Top 10</a> · <a href="#inventory">Inventory</a></nav>
</header>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`
  );
}

const CSS =
  `
:root { --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --head: #f3f5f7; --accent: #1f4e79;
  --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --fed: #1a7f37; --static: #cf222e; --own: #1f4e79; --succ: ` +
  `#8fb3d9; --track: #eef1f4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 48px; color: var(--fg); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 22px 0 8px; }
.meta, .muted, figcaption { color: var(--muted); }
nav { font-size: 13px; margin-top: 6px; } nav a { color: var(--accent); }
.note { border-left: 4px solid var(--warn); padding: 6px 10px; background: #fff8e6; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; overflow-wrap: ` +
  `anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--line); border-radius: 6px; padding: 10px 12px; ` +
  `break-inside: avoid; }
.card.ok { border-top-color: var(--ok); } .card.warn { border-top-color: var(--warn); } .card.bad { ` +
  `border-top-color: var(--bad); }
.card .v { font-size: 28px; font-weight: 650; line-height: 1.2; }
.card .l { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
.meter { display: block; margin-top: 6px; max-width: 100%; }
.chart { margin: 8px 0 16px; break-inside: avoid; }
.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12.5px; margin-top: 2px; }
svg text { font-size: 12px; fill: var(--fg); }
svg .track { fill: var(--track); }
svg .fed, .fill-ok { fill: var(--fed); } svg .static, svg .bad, .fill-bad { fill: var(--static); }
svg .warn, .fill-warn { fill: #d4a72c; } svg .own { fill: var(--own); } ` +
  `svg .succ { fill: var(--succ); } .fill-plain { fill: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 5px 7px; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.inventory { font-size: 12.5px; table-layout: fixed; }
table.inventory td, table.inventory th { overflow-wrap: anywhere; }
table.inventory th { white-space: normal; }
table.inventory code { font-size: 11px; }
.date { white-space: nowrap; }
table.owasp td:first-child { min-width: 11em; } table.owasp td:nth-child(2) { white-space: nowrap; }
table.owasp td:nth-child(3) { width: 38%; } .rules { font-size: 11.5px; } .evidence code { white-space: nowrap; }
table.list td:first-child { white-space: nowrap; }
 .rules code { font-size: 11px; white-space: nowrap; }
.purpose, .small { font-size: 11.5px; color: var(--muted); margin-top: 2px; }
.small.bad { color: var(--bad); font-weight: 600; } .small.warn { color: var(--warn); font-weight: 600; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; border: 1px solid currentColor; ` +
  `font-size: 11.5px; white-space: nowrap; }
.badge.federated, .badge.clean, .badge.active { color: var(--ok); }
.badge.static, .badge.findings, .badge.suspended { color: var(--warn); }
.badge.no-rule, .badge.decommissioned { color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  :root { --fg: #000; --muted: #333; --line: #999; --head: #fff; --accent: #000; --ok: #000; --warn: #000; --bad: #000;
    --fed: #444; --static: #fff; --own: #222; --succ: #aaa; --track: #fff; }
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; background: #fff; }
  h1 { font-size: 18pt; }
  nav { display: none; }
  h2 { font-size: 14pt; break-before: page; break-after: avoid; }
  #summary h2 { break-before: auto; }
  h3 { break-after: avoid; }
  .note { background: #fff; }
  .card { border-top-width: 1px; }
  svg .track { stroke: #000; stroke-width: 0.5; }
  svg .static, svg .bad, svg .warn { stroke: #000; stroke-width: 1; }
  svg .bad { fill: #000; } svg .warn { fill: #bbb; }
  .fill-ok, .fill-warn, .fill-bad, .fill-plain { fill: #444; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .chart, .card { break-inside: avoid; }
  th, td { padding: 3px 4px; }
  #inventory { page: wide; }
  table.inventory { font-size: 7.5pt; table-layout: auto; }
  .badge { border: 1px solid #000; color: #000; }
}
`;

function federationTotals(f: Kpis['federation']): { static: number; federated: number; none: number } {
  return { static: f.static.count, federated: f.federated.count, none: f.none.count };
}
