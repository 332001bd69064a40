// `idac report --format markdown`: every value from a manifest sits in a code span (src/render/
// markdown.ts), with `|` escaped inside table cells, so it can neither inject Markdown or HTML
// nor break a table.

import type { Report } from './types.js';
import { code } from '../../render/markdown.js';
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

/** A manifest value in a table cell: GFM splits cells on `|` even inside a code span unless escaped. */
const cell = (text: string): string => code(text).replace(/\|/g, '\\|');
const dash = (text: string | null): string => (text === null ? '—' : cell(text));
/** idac's own words in a cell (rule titles, blind spots): no manifest text, but a `|` must not split the cell. */
const prose = (text: string): string => text.replace(/\|/g, '\\|');

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function renderReportMarkdown(r: Report): string {
  const { kpis: k, summary: s } = r;
  const out: string[] = [`# ${REPORT_TITLE}`, ''];
  out.push(
    `As of ${code(r.asOf)}: ${plural(s.identities, 'identity', 'identities')} in ${plural(s.teams, 'team')} ` +
      `(${s.byStatus.active} active, ${s.byStatus.suspended} suspended, ${s.byStatus.decommissioned} ` +
      `decommissioned). The figures count the ${plural(s.live, 'live identity', 'live identities')}.`,
    '',
  );
  if (s.skipped > 0)
    out.push(
      `> ${plural(s.skipped, 'manifest')} did not load and ${s.skipped === 1 ? 'is' : 'are'} missing from ` +
        `this report: run \`idac validate\`.`,
      '',
    );
  if (!s.org)
    out.push('> org.yaml is missing or invalid: team membership of owners and successors was not checked.', '');

  const checked = r.owasp.filter((c) => c.status !== 'no-rule').length;
  out.push(
    '## Key figures',
    '',
    ...table(
      ['Measure', 'Value'],
      [
        [
          'Owner and successor are current team members, two different people',
          showShare(k.stewardship.ownerAndSuccessor),
        ],
        ['Federated: no static secret', showShare(k.credentials.federated)],
        ['Holding a static credential', showShare(k.credentials.static)],
        ['Logging in only by federation (someone is trusted to become it)', showShare(k.federation.federated)],
        ['Static credentials rotating within policy', showShare(k.rotation.compliant)],
        [
          `Access reviews overdue${k.reviews.every ? ` (every ${code(k.reviews.every)})` : ''}`,
          `${showShare(k.reviews.overdue)}; ${k.reviews.neverReviewed} never reviewed; ` +
            `${k.reviews.dueWithin30Days} due within 30 days`,
        ],
        [
          'Expired / expiring within 30 · 60 · 90 days',
          `${k.expiry.expired} / ${k.expiry.within30Days} · ${k.expiry.within60Days} · ${k.expiry.within90Days}`,
        ],
        [
          'Findings',
          `${plural(k.findings.errors, 'error')}, ${plural(k.findings.warnings, 'warning')}, ${k.findings.info} info`,
        ],
        [
          'OWASP NHI Top 10 risks checked',
          `${checked} of ${r.owasp.length}; ${r.owasp.filter((c) => c.status === 'findings').length} with findings`,
        ],
      ],
    ),
    '',
  );

  out.push(
    '## Credentials',
    '',
    ...table(
      ['Credential', 'Kind', 'Live identities'],
      k.credentials.byKind.map((c) => [KIND_LABEL[c.kind], c.federated ? 'federated' : 'static', String(c.count)]),
    ),
    '',
  );

  out.push(
    '## Federation',
    '',
    `How each live identity logs in: ${LOGIN_LABEL.static} (static), ${LOGIN_LABEL.federated} (federated), ` +
      `or ${LOGIN_LABEL.none}.`,
    '',
    ...table(
      ['Team', 'Static', 'Federated only', 'Neither', 'Live identities'],
      [
        ...k.federation.byTeam.map((t) => [
          cell(t.team),
          String(t.static),
          String(t.federated),
          String(t.none),
          String(t.total),
        ]),
        [
          '**All teams**',
          showShare(k.federation.static),
          showShare(k.federation.federated),
          showShare(k.federation.none),
          String(k.federation.static.total),
        ],
      ],
    ),
    '',
  );

  out.push('## Rotation', '');
  if (k.rotation.overdue.length === 0)
    out.push(`Every static credential (${k.rotation.compliant.total}) rotates within org.yaml's limits.`, '');
  else
    out.push(
      ...table(
        ['Identity', 'Credential', 'Why it is overdue'],
        k.rotation.overdue.map((o) => [cell(o.identity), KIND_LABEL[o.kind], cell(o.reason)]),
      ),
      '',
    );

  out.push('## Access reviews', '');
  if (k.reviews.items.length === 0) out.push('No review is overdue and every live identity has been reviewed.', '');
  else
    out.push(
      ...table(
        ['Identity', 'Owner', 'Last reviewed', 'Due'],
        k.reviews.items.map((i) => [
          cell(i.identity),
          cell(i.owner),
          dash(i.lastReviewed),
          i.lastReviewed === null ? 'never reviewed' : dash(i.due),
        ]),
      ),
      '',
    );

  out.push('## Expiry', '');
  if (k.expiry.items.length === 0) out.push('Nothing expires within 90 days.', '');
  else
    out.push(
      ...table(
        ['Identity', 'Owner', 'Expires', 'When'],
        k.expiry.items.map((i) => [cell(i.identity), cell(i.owner), cell(i.expires), showDays(i.daysToExpiry)]),
      ),
      '',
    );

  out.push('## Findings by rule', '');
  if (k.findings.byRule.length === 0) out.push('No errors or warnings.', '');
  else
    out.push(
      ...table(
        ['Rule', 'What it catches', 'Errors', 'Warnings'],
        k.findings.byRule.map((f) => [`\`${f.rule}\``, prose(f.title), String(f.errors), String(f.warnings)]),
      ),
      '',
    );

  out.push('## Owners and succession', '');
  const top = k.owners.people.slice(0, TOP_PEOPLE);
  out.push(
    ...table(
      ['Person', 'Owns', 'Successor for'],
      top.map((p) => [cell(p.person), String(p.owns), String(p.succeeds)]),
    ),
    '',
  );
  if (k.owners.people.length > top.length)
    out.push(
      `${plural(k.owners.people.length - top.length, 'more person', 'more people')} not shown (\`--format ` +
        `json\` lists everyone).`,
      '',
    );
  if (k.owners.gaps.length === 0)
    out.push('Every live identity has an owner and a different successor in its team.', '');
  else
    out.push(
      ...table(
        ['Identity', 'Owner', 'Successor', 'Gap'],
        k.owners.gaps.map((g) => [
          cell(g.identity),
          cell(g.owner),
          cell(g.successor),
          g.problems.map((p) => PROBLEM_LABEL[p]).join('; '),
        ]),
      ),
      '',
    );

  out.push('## OWASP Non-Human Identities Top 10 coverage', '');
  out.push(
    ...table(
      [
        'Risk',
        'Status',
        'Controls: the rules idac enforces',
        'Evidence: findings here',
        'What a static check cannot see',
      ],
      r.owasp.map((c) => [
        `${c.id} ${prose(c.title)}`,
        NHI_STATUS_LABEL[c.status],
        c.rules.length === 0
          ? '—'
          : `${plural(c.rules.length, 'rule')}: ${c.rules.map((x) => `\`${x.rule}\``).join(', ')}`,
        c.rules.length === 0
          ? '—'
          : c.findings === 0
            ? 'none'
            : c.rules
                .filter((x) => x.findings > 0)
                .map((x) => `\`${x.rule}\` ${x.findings}`)
                .join(', '),
        prose(c.blindSpot),
      ]),
    ),
    '',
  );

  out.push('## Inventory', '');
  out.push(
    ...table(
      [
        'Name',
        'Type',
        'Team',
        'Owner',
        'Successor',
        'Targets',
        'Credential',
        'Expires',
        'Last review',
        'Next rotation',
        'Status',
        'File',
      ],
      r.inventory.map((i) => [
        cell(i.name),
        cell(i.type),
        cell(i.team),
        cell(i.owner),
        cell(i.successor),
        i.targets.join(', '),
        `${i.credential}: ${i.credentialKinds.map((c) => KIND_LABEL[c]).join(', ')}`,
        cell(i.expires),
        dash(i.lastReviewed),
        dash(i.nextRotation),
        i.status,
        cell(i.file),
      ]),
    ),
  );
  return `${out.join('\n')}\n`;
}
