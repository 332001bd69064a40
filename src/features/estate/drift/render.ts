// The drift report as text, JSON and Markdown. Every value from the estate (names, ids, statements)
// is untrusted: text and Markdown print it only through the shared escaping (one visible line,
// Markdown inside a code span), and JSON through jsonDocument.

import { jsonDocument, terminalSafe } from '../../../common/escape.js';
import { code } from '../../../render/markdown.js';
import type { Difference, DriftEntry, DriftReport, Missing, Orphan, UnmanagedKey } from './types.js';

/** What to do about each kind, as the text and Markdown say it. */
export const ADVICE = {
  orphans:
    'in the estate, no manifest: `idac import` turns each into a pull request (or list it in org.yaml drift.ignore)',
  unmanagedKeys: "access keys idac does not manage: delete each once idac has delivered the user's first generation",
  changed: 'changed outside idac: re-apply to restore what git declares, or update the manifest to what is live',
  missing: 'declared in git, not in the estate: apply creates them (or the manifest is stale)',
} as const;

const TITLES = {
  orphans: 'Orphans',
  unmanagedKeys: 'Unmanaged access keys',
  changed: 'Changed',
  missing: 'Missing',
} as const;

type Kind = keyof typeof TITLES;
const KINDS: readonly Kind[] = ['orphans', 'unmanagedKeys', 'changed', 'missing'];

/** `2 orphans, 1 unmanaged access key, 0 changed, 0 missing`. */
export function driftCounts(r: DriftReport): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(r.orphans.length, 'orphan', 'orphans'),
    n(r.unmanagedKeys.length, 'unmanaged access key', 'unmanaged access keys'),
    `${r.changed.length} changed`,
    `${r.missing.length} missing`,
  ].join(', ');
}

/** The exact SPEC §5 shape, keys in a fixed order. */
export function driftJson(r: DriftReport): string {
  return jsonDocument({ orphans: r.orphans, unmanagedKeys: r.unmanagedKeys, changed: r.changed, missing: r.missing });
}

export function driftText(r: DriftReport): string {
  const t = terminalSafe;
  const lines = [`idac drift: ${driftCounts(r)}`];
  const where = (e: DriftEntry) => (e.identity !== undefined ? ` (${t(e.identity)}, ${t(e.file ?? '')})` : '');
  for (const kind of KINDS) {
    if (r[kind].length === 0) continue;
    lines.push('', `${TITLES[kind]}: ${ADVICE[kind]}`);
    if (kind === 'orphans')
      for (const o of r.orphans)
        lines.push(`  ${o.target} ${t(o.id)}${o.name !== lastPart(o.id) ? ` (${t(o.name)})` : ''}`);
    if (kind === 'unmanagedKeys')
      for (const k of r.unmanagedKeys)
        lines.push(`  ${t(k.keyId)} ${keyFacts(k, t)} of ${t(k.id)}${where(k)}: ${t(k.reason)}`);
    if (kind === 'changed')
      for (const c of r.changed) {
        lines.push(`  ${c.target} ${t(c.id)}${where(c)}`);
        for (const d of c.differences) lines.push(`    ${differenceLine(d, t)}`);
      }
    if (kind === 'missing')
      for (const m of r.missing) lines.push(`  ${m.target} ${t(m.id)}${where(m)}${statusNote(m)}`);
  }
  if (KINDS.every((k) => r[k].length === 0)) lines.push('The estate matches git.');
  return `${lines.join('\n')}\n`;
}

/**
 * `maxChars`: stop listing entries once the text is this long (the audit issue, whose body GitHub
 * caps at 65,536 characters, where an estate can hold thousands of orphans); what is left out is
 * counted, and `idac drift --format json` has it all.
 */
export function driftMarkdown(r: DriftReport, opts: { maxChars?: number } = {}): string {
  const lines = ['## Drift', '', `${driftCounts(r)}.`];
  const where = mdWhere;
  const entry: { [K in Kind]: (e: DriftReport[K][number]) => string[] } = {
    orphans: (o) => [`- ${o.target} ${code(o.id)}${orphanName(o)}`],
    unmanagedKeys: (k) => [
      `- ${code(k.keyId)} ${keyFacts(k, code)} of ${code(k.id)}${where(k)}: ${code(k.reason, 300)}`,
    ],
    changed: (c) => [
      `- ${c.target} ${code(c.id)}${where(c)}`,
      ...c.differences.map((d) => `  - ${differenceLine(d, (s) => code(s, 300))}`),
    ],
    missing: (m) => [`- ${m.target} ${code(m.id)}${where(m)}${statusNote(m)}`],
  };
  let length = 0;
  let left = 0;
  for (const kind of KINDS) {
    if (r[kind].length === 0) continue;
    lines.push('', `### ${TITLES[kind]} (${r[kind].length})`, '', mdAdvice(kind), '');
    for (const e of r[kind] as DriftReport[Kind][number][]) {
      const more = (entry[kind] as (x: typeof e) => string[])(e);
      const size = more.reduce((n, l) => n + l.length + 1, 0);
      // Once one entry does not fit, none after it is shown: the list stays in order.
      if (left > 0 || (opts.maxChars !== undefined && length + size > opts.maxChars)) {
        left += 1;
        continue;
      }
      length += size;
      lines.push(...more);
    }
  }
  if (left > 0) lines.push('', `${left} more entries are left out here: \`idac drift --format json\` lists them all.`);
  if (KINDS.every((k) => r[k].length === 0)) lines.push('', 'The estate matches git.');
  return `${lines.join('\n')}\n`;
}

/** ` — <identity> in <file>` when a manifest declares the entry. */
function mdWhere(e: DriftEntry): string {
  return e.identity !== undefined ? ` — ${code(e.identity)} in ${code(e.file ?? '')}` : '';
}

function mdAdvice(kind: Kind): string {
  // The advice is ours (no untrusted text); its backticks are code spans in Markdown too.
  return `${ADVICE[kind].charAt(0).toUpperCase()}${ADVICE[kind].slice(1)}.`;
}

function orphanName(o: Orphan): string {
  return o.name !== lastPart(o.id) ? ` (${code(o.name)})` : '';
}

function lastPart(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function keyFacts(k: UnmanagedKey, show: (s: string) => string): string {
  return [k.status.toLowerCase(), ...(k.created ? [`created ${show(k.created.slice(0, 10))}`] : [])]
    .concat(k.lastUsed ? [`last used ${show(k.lastUsed.slice(0, 10))}`] : [])
    .join(', ');
}

/** `aws.permissions: live only s3:PutObject on …`, `aws.trust: manifest only oidc …`. */
function differenceLine(d: Difference, show: (s: string) => string): string {
  if (d.manifest !== null && d.live !== null) return `${d.field}: manifest ${show(d.manifest)}, live ${show(d.live)}`;
  const side = d.live !== null ? `live only ${show(d.live)}` : `manifest only ${show(d.manifest ?? '')}`;
  const why = d.reason !== undefined ? ` (${show(d.source ?? '')}: ${show(d.reason)})` : '';
  return `${d.field}: ${side}${why}`;
}

function statusNote(m: Missing): string {
  return m.status === 'suspended' ? ' (suspended)' : '';
}
