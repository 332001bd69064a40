// `idac plan --format markdown`: the pull-request comment, in the manner of Atlantis and Terraform
// Cloud. A summary comes first and is never cut (counts, then who can newly or no longer become an
// identity, privilege increases, organization
// changes, deletions, new static credentials and findings), then one collapsible section per
// identity, access shown as written with the exact grants behind a wildcard collapsed below it.
// The comment stays under GitHub's 65,536-character limit by leaving out those exact lists first,
// then whole sections, and says what it left out.
//
// Every manifest-derived value goes through src/render/markdown.ts (THREATS.md item 72): in a code
// span, a <code> element or a fenced block, on one line, capped. Nothing from a manifest is ever
// emitted as Markdown or HTML of its own.

import { conditionsText } from '../access/aws-conditions.js';
import type { Finding } from '../common/findings.js';
import { compareFindings } from '../common/findings.js';
import { ORG_FILE } from '../common/layout.js';
import type { AccessPattern, Plan, ResourceOp } from '../plan/types.js';
import { cap } from '../common/escape.js';
import { code, escapeText, htmlCode, oneLine } from './markdown.js';
import type { IdentityView, ResourceStep } from './plan-view.js';
import {
  countByTarget,
  effectCounts,
  expansionCount,
  identityViews,
  isCondensed,
  isDeleted,
  orgByEffect,
  partOf,
  patternText,
  plural,
  showChange,
  becomeWords,
  trustLines,
} from './plan-view.js';

/** The sticky marker: CI edits the one comment that holds it instead of adding a new one per push. */
export const PLAN_MARKER = '<!-- idac-plan -->';

/** GitHub's limit on a comment body. */
export const COMMENT_LIMIT = 65_536;
/**
 * Kept free below the limit: we count UTF-16 units, GitHub counts characters, which is never more,
 * but a CI step may still append a line (a link to the run) to the body.
 */
const MARGIN = 400;
/** Below this even the summary's counts might not fit. */
const MIN_LIMIT = 4_096;
/**
 * Per list inside an identity's section, before `… and N more`; a section that does not fit is retried with the smaller
 * cap.
 */
const SECTION_CAPS = [50, 5] as const;

const FULL_PLAN = '(full plan: `idac plan --format json`)';

export interface MarkdownOptions {
  /** The most characters the comment may have; default GitHub's 65,536. */
  limit?: number;
}

export function renderPlanMarkdown(plan: Plan, opts: MarkdownOptions = {}): string {
  const limit = opts.limit ?? COMMENT_LIMIT;
  if (!(limit >= MIN_LIMIT)) throw new RangeError(`renderPlanMarkdown: limit ${limit} is below ${MIN_LIMIT}`);
  const views = identityViews(plan);
  const lists = summaryLists(plan, views);

  const head = [...header(plan), '', ...counts(plan, views), ''];
  if (lists.length === 0 && views.length === 0)
    head.push('No changes: identities, access and cloud resources match the base revision.', '');
  const sectionsMore = (n: number) => [`**${plural(n, 'more identity', 'more identities')} not shown** ${FULL_PLAN}`];
  // What is always there: header, counts, each list's heading and preface and a worst-case
  // "… and N more" line, and the line that would say how many sections were dropped.
  let room = limit - MARGIN - size(head) - size(sectionsMore(views.length)) - 1;
  for (const list of lists) room -= size(listLines(list, 0, [])) + 1;

  // The summary's lists share what is left, the shortest first so a long list cannot crowd out a
  // short one; what a list does not use passes on to the next.
  const shown = new Map<SummaryList, number>();
  const order = [...lists].sort((a, b) => itemsSize(a) - itemsSize(b));
  order.forEach((list, i) => {
    const share = Math.floor(room / (order.length - i));
    const n = fitting(
      list.items.map((it) => size([it.line])),
      share,
    );
    shown.set(list, n);
    room -= size(listLines(list, n, [])) - size(listLines(list, 0, []));
  });

  // The grants behind each privilege increase, while they fit in half of what is left: the other
  // half keeps room for the per-identity sections. After the first identity whose grants do not
  // all fit (it shows what fits and "… and N more"), no further grants are listed.
  const children = new Map<SummaryList, number[]>();
  const privileges = lists.find((l) => l.kind === 'privileges');
  if (privileges) {
    let childRoom = Math.floor(room / 2);
    const kids: number[] = [];
    for (const item of privileges.items.slice(0, shown.get(privileges))) {
      const sizes = item.children.map((c) => size([c]));
      const all = sizes.reduce((a, b) => a + b, 0);
      if (all <= childRoom) {
        kids.push(item.children.length);
        childRoom -= all;
        continue;
      }
      const k = fitting(sizes, childRoom - size([moreChild(item.children.length)]));
      if (k > 0) kids.push(k);
      break;
    }
    children.set(privileges, kids);
    room -=
      size(listLines(privileges, shown.get(privileges)!, kids)) -
      size(listLines(privileges, shown.get(privileges)!, []));
  }

  const out = [...head];
  for (const list of lists) out.push(...listLines(list, shown.get(list)!, children.get(list) ?? []), '');

  // Sections, in name order, until one no longer fits: a gap in the middle would hide where the cut is.
  // They are fitted without the exact grants behind condensed patterns; those come last, in what
  // is left, so a long expansion never pushes out a section or anything in the summary.
  room += size(sectionsMore(views.length)) + 1;
  const condensed = views.some((v) => v.patterns.some(isCondensed));
  if (condensed) room -= size([EXPANSIONS_CUT]) + 1;
  const chosen: { v: IdentityView; max: number; lines: string[] }[] = [];
  for (const v of views) {
    const reserve = chosen.length + 1 < views.length ? size(sectionsMore(views.length - chosen.length - 1)) + 1 : 0;
    let pick: { max: number; lines: string[] } | undefined;
    for (const max of SECTION_CAPS) {
      const candidate = section(v, max, 0);
      if (size(candidate) + 1 + reserve <= room) {
        pick = { max, lines: candidate };
        break;
      }
    }
    if (!pick) break;
    chosen.push({ v, ...pick });
    room -= size(pick.lines) + 1;
  }
  if (chosen.length < views.length) room -= size(sectionsMore(views.length - chosen.length)) + 1;
  let cut = false;
  for (const ch of chosen) {
    // Each expansion adds exactly its own lines to the section: count them, build the section once.
    const patterns = expandable(ch.v, ch.max);
    let k = 0;
    while (!cut && k < patterns.length) {
      const grow = size([...expansion(patterns[k]!), '']);
      if (grow > room) break;
      room -= grow;
      k += 1;
    }
    if (k > 0) ch.lines = section(ch.v, ch.max, k);
    if (k < patterns.length) cut = true;
  }
  for (const ch of chosen) out.push(...ch.lines, '');
  if (chosen.length < views.length) out.push(...sectionsMore(views.length - chosen.length), '');
  if (cut) out.push(EXPANSIONS_CUT, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

const EXPANSIONS_CUT = `The exact grants behind some condensed patterns are not listed ${FULL_PLAN}`;

function header(plan: Plan): string[] {
  const head = plan.headSha === null ? 'the working tree' : code(plan.headSha.slice(0, 7));
  return [
    PLAN_MARKER,
    '### idac plan',
    '',
    `base ${code(plan.baseSha.slice(0, 7))} → head ${head} · at ${escapeText(plan.now)}`,
  ];
}

function counts(plan: Plan, views: readonly IdentityView[]): string[] {
  const ids = plan.identities;
  const r = plan.resources;
  const sev = (s: Finding['severity']) => plan.findings.filter((f) => f.severity === s).length;
  const dueKinds = (['rotation', 'expiry', 'review', 'certificate'] as const)
    .map((k) => [k, plan.due.filter((d) => d.kind === k).length] as const)
    .filter(([, n]) => n > 0);
  const affected = views.filter((v) => v.state === 'affected').length;
  return [
    `- **Identities:** ${ids.added.length} added · ${ids.changed.length} changed · ${ids.removed.length} removed · ` +
      `${ids.renamed.length} renamed${
        ids.unplanned.length ? ` · ${ids.unplanned.length} not planned` : ''
      }${affected ? ` · ${affected} affected without a manifest change` : ''}`,
    ...(plan.organization.length
      ? [
          `- **Organization:** ${plural(plan.organization.length, 'change')} to ${code(ORG_FILE)} ` +
            `(${effectCounts(plan.organization)})`,
        ]
      : []),
    `- **Access:** +${plan.access.gained.length} ${plan.access.gained.length === 1 ? 'grant' : 'grants'} ` +
      `gained · −${plan.access.lost.length} lost`,
    `- **Resources:** ${r.adopt.length ? `${r.adopt.length} to adopt · ` : ''}${r.create.length} to create · ` +
      `${r.update.length} to update · ${r.replace.length} to replace · ${r.delete.length} to delete`,
    `- **Due within ${code(plan.window)}:** ${plan.due.length}` +
      (dueKinds.length ? ` (${dueKinds.map(([k, n]) => `${n} ${k}`).join(', ')})` : ''),
    `- **New static credentials:** ${plan.newStaticCredentials.length}`,
    `- **Findings:** ${plural(sev('error'), 'error')} · ${plural(sev('warning'), 'warning')} · ${sev('info')} info`,
  ];
}

interface SummaryItem {
  line: string;
  /** Sub-lines shown only while room is left (the grants behind a privilege increase). */
  children: string[];
}

interface SummaryList {
  kind: 'trust' | 'privileges' | 'organization' | 'deletions' | 'static' | 'findings' | 'unplanned';
  title: string;
  /** Lines that are part of the summary's fixed frame, shown even when no item fits (the deletion guard). */
  preface: string[];
  items: SummaryItem[];
}

function summaryLists(plan: Plan, views: readonly IdentityView[]): SummaryList[] {
  const trust = trustLines(plan).map((t) => ({
    line:
      `- ${t.change === 'gained' ? '➕' : '➖'} ${code(t.principal)} ` +
      `**${becomeWords(t.change)}** ${code(t.identity)}`,
    children: [],
  }));
  // A new trust is listed once, under "Who can become an identity", not again as a privilege increase.
  const privileges = views
    .map((v) => ({ v, gained: v.gained.filter((a) => a.target !== 'assume') }))
    .filter(({ gained }) => gained.length > 0)
    .map(({ v, gained }) => ({
      line: `- ${code(v.name)} gains ${countByTarget(gained)
        .map(([t, n]) => `${t} +${n}`)
        .join(' · ')}`,
      children: v.patterns
        .filter((p) => p.change === 'gained' && p.target !== 'assume')
        .map((p) => `  - ${patternLine(p)}`),
    }));

  const organization = orgByEffect(plan.organization).map((o) => ({
    line: `- **${o.effect}** ${o.kind}: ${code(o.summary)}`,
    children: [],
  }));

  const deletions: SummaryItem[] = [
    ...views.filter(isDeleted).map((v) => ({
      line:
        `- identity ${code(v.name)} ${v.state === 'removed' ? 'removed' : 'decommissioned'}: all its ` + `resources go`,
      children: [],
    })),
    ...plan.resources.replace.map((op) => ({
      line:
        `- replace ${opText(op)} of ${code(op.identity)}` +
        (op.inputs?.length ? `, forced by ${op.inputs.map((i) => code(i)).join(', ')}` : ''),
      children: [],
    })),
    ...plan.resources.delete.map((op) => ({ line: `- delete ${opText(op)} of ${code(op.identity)}`, children: [] })),
    // Adopting takes away what the principal held before idac: reviewers see it with the deletions.
    ...plan.resources.create
      .filter((op) => op.detail !== undefined)
      .map((op) => ({ line: `- adopting ${code(op.identity)}: ${code(op.detail!)}`, children: [] })),
  ];
  const { count, limit, allowed } = plan.deletions;
  const guard =
    count <= limit
      ? []
      : allowed >= count
        ? [
            `Deletion guard: ${plural(count, 'identity', 'identities')} deleted, over the limit of ` +
              `${limit}; allowed by ${code(`--allow-deletions ${allowed}`)}.`,
          ]
        : [
            `> [!CAUTION]`,
            `> **Deletion guard:** ${plural(count, 'identity', 'identities')} would be deleted, over the ` +
              `limit of ${limit}. A security owner must approve; then plan again with ` +
              `${code(`--allow-deletions ${count}`)}.`,
          ];

  const statics = plan.newStaticCredentials.map((s) => ({
    line: `- ${code(s.identity)} gets ${code(s.kind)}: a long-lived secret to rotate and guard`,
    children: [],
  }));

  const rank = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...plan.findings]
    .sort((a, b) => rank[a.severity] - rank[b.severity] || compareFindings(a, b))
    .map((f) => ({
      line: `- **${f.severity}** ${code(f.rule)} at ${code(`${f.file}:${f.line}`)}: ${code(f.message)}`,
      children: [],
    }));

  const unplanned = plan.identities.unplanned.map((u) => ({
    line: `- ${code(u.name)} in ${code(u.file)}: its manifest does not compile, so nothing is planned for it`,
    children: [],
  }));

  const all: SummaryList[] = [
    {
      kind: 'trust',
      title: `Who can become an identity: ${plural(trust.length, 'change')}`,
      preface: [],
      items: trust,
    },
    {
      kind: 'privileges',
      title: `Privilege increases: ${plural(privileges.length, 'identity', 'identities')}`,
      preface: [],
      items: privileges,
    },
    {
      kind: 'organization',
      title: `Organization: ${plural(plan.organization.length, 'change')} to ${ORG_FILE}`,
      preface: [],
      items: organization,
    },
    { kind: 'deletions', title: 'Deletions', preface: guard, items: deletions },
    { kind: 'static', title: 'New static credentials', preface: [], items: statics },
    { kind: 'findings', title: `Findings: ${plural(plan.findings.length, 'finding')}`, preface: [], items: findings },
    { kind: 'unplanned', title: 'Not planned', preface: [], items: unplanned },
  ];
  return all.filter((l) => l.items.length > 0 || l.preface.length > 0);
}

/** The list with its first `n` items, the i-th of them with its first `kids[i]` children. */
function listLines(list: SummaryList, n: number, kids: readonly number[]): string[] {
  const lines = [`#### ${list.title}`, '', ...list.preface];
  if (list.preface.length && list.items.length) lines.push('');
  list.items.slice(0, n).forEach((item, i) => {
    lines.push(item.line);
    const k = kids[i] ?? 0;
    lines.push(...item.children.slice(0, k));
    if (k > 0 && k < item.children.length) lines.push(moreChild(item.children.length - k));
  });
  if (n < list.items.length) lines.push(`- … and ${list.items.length - n} more not shown ${FULL_PLAN}`);
  return lines;
}

function moreChild(n: number): string {
  return `  - … and ${n} more`;
}

function itemsSize(list: SummaryList): number {
  return size(list.items.map((it) => it.line));
}

/** How many of the leading sizes fit in `room`. */
function fitting(sizes: readonly number[], room: number): number {
  let n = 0;
  for (const s of sizes) {
    if (s > room) break;
    room -= s;
    n += 1;
  }
  return n;
}

/** Characters of the lines joined with newlines, each line counting its own. */
function size(lines: readonly string[]): number {
  return lines.reduce((sum, l) => sum + l.length + 1, 0);
}

/** `aws `s3:Get*` → 31 actions on `arn:…``, or the one grant it is. */
function patternLine(p: AccessPattern): string {
  const what = isCondensed(p)
    ? `${code(p.pattern)} → ${expansionCount(p)} on ${code(p.resource)}` +
      `${p.conditions === undefined ? '' : ` only when ${code(conditionsText(p.conditions))}`}${partOf(p)}`
    : code(patternText(p));
  return `${p.target} ${what}${p.elevation === undefined ? '' : ` via ${code(`spec.elevations[${p.elevation}]`)}`}`;
}

function opText(op: ResourceOp): string {
  return `${code(op.type)} ${code(op.name)}`;
}

function section(v: IdentityView, max: number, expand: number): string[] {
  const tags = v.state === 'affected' ? [] : [STATE_WORD[v.state]];
  if (v.status && v.state !== 'removed') tags.push(`now ${/^[a-z]+$/.test(v.status) ? v.status : htmlCode(v.status)}`);
  if (v.gained.length || v.lost.length) tags.push(`access +${v.gained.length} −${v.lost.length}`);
  if (v.resources.length) tags.push(plural(v.resources.length, 'resource change'));
  if (v.newStatic.length) tags.push(plural(v.newStatic.length, 'new static credential'));
  if (v.due.length) tags.push(`${v.due.length} due`);
  // Raw HTML: the whole line is an HTML block, so only entity-escaped values may appear in it.
  const lines = [`<details><summary>${[htmlCode(v.name), ...tags].join(' · ')}</summary>`, ''];
  if (v.renamedFrom !== undefined) lines.push(`Renamed from ${code(v.renamedFrom)}: the live objects are kept.`, '');
  if (v.file !== undefined)
    lines.push(`The manifest ${code(v.file)} does not compile: no operation is planned for this identity.`, '');

  const block = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`**${title}**`, '', ...items.slice(0, max));
    if (items.length > max) lines.push(`- … and ${items.length - max} more`);
    lines.push('');
  };
  block(
    'Fields',
    v.changes.map((c) => {
      const { before, after } = showChange(c);
      return (
        `- ${code(c.path)}: ${before === null ? '(absent)' : code(before)} → ` +
        (after === null ? '(absent)' : code(after))
      );
    }),
  );

  // A diff block: GitHub colours + and − lines, and nothing inside a fence is Markdown or HTML.
  // Each line starts with + or -, so no value can close the fence. One line per grant as written;
  // the first `expand` condensed ones are followed by their exact grants, collapsed.
  const access = v.patterns.map((p) => `${p.change === 'gained' ? '+' : '-'} ${accessText(p)}`);
  if (access.length) {
    lines.push('**Access**', '', '```diff', ...access.slice(0, max), '```');
    if (access.length > max) lines.push(`… and ${access.length - max} more`);
    lines.push('');
    for (const p of expandable(v, max).slice(0, expand)) lines.push(...expansion(p), '');
  }
  block('Resources', v.resources.map(stepLine));
  block(
    'New static credentials',
    v.newStatic.map((k) => `- ${code(k)}: a long-lived secret to rotate and guard`),
  );
  block(
    'Due',
    v.due.map((d) => `- ${d.kind} at ${code(d.at)}: ${code(d.detail)}`),
  );
  lines.push('</details>');
  return lines;
}

const STATE_WORD: Record<Exclude<IdentityView['state'], 'affected'>, string> = {
  added: 'added',
  removed: 'removed',
  renamed: 'renamed',
  changed: 'changed',
  unplanned: 'not planned',
};

function accessText(p: AccessPattern): string {
  return (
    `${p.target.padEnd(10)} ${cap(oneLine(patternText(p)))}` +
    (p.elevation === undefined ? '' : `  (spec.elevations[${p.elevation}])`)
  );
}

/** The condensed patterns among the first `max` a section lists. */
function expandable(v: IdentityView, max: number): AccessPattern[] {
  return v.patterns.slice(0, max).filter(isCondensed);
}

/** The exact grants behind one pattern, collapsed (raw HTML: only entity-escaped values in the summary line). */
function expansion(p: AccessPattern): string[] {
  const sign = p.change === 'gained' ? '+' : '-';
  return [
    `<details><summary>${sign} ${htmlCode(p.pattern)} on ${htmlCode(p.resource)}` +
      `${p.conditions === undefined ? '' : ` only when ${htmlCode(conditionsText(p.conditions))}`}: ` +
      `${plural(p.count, 'exact grant')}</summary>`,
    '',
    '```diff',
    ...p.grants.map((g) => `${sign} ${p.target.padEnd(10)} ${cap(oneLine(g))}`),
    '```',
    '',
    '</details>',
  ];
}

function stepLine({ action, op }: ResourceStep): string {
  const inputs = op.inputs?.length ? op.inputs.map((i) => code(i)).join(', ') : '';
  const why =
    action === 'update' && inputs ? `: ${inputs}` : action === 'replace' && inputs ? `, forced by ${inputs}` : '';
  const from = op.from !== undefined ? `, renamed from ${code(op.from)}` : '';
  const status = op.status !== undefined ? `, status ${code(op.status)}` : '';
  // adopt: the live object taken over as it is; detail: what an exclusive-policy resource removes.
  const id = op.id !== undefined ? `, the live ${code(op.id)}` : '';
  const detail = op.detail !== undefined ? ` (${code(op.detail)})` : '';
  return `- ${action} ${opText(op)}${id}${why}${from}${status}${detail}`;
}
