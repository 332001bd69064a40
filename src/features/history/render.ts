// `idac history`: JSON (SPEC §5 shape, extended), text for terminals, Markdown for PRs and audits.

import type { HistoryEntry } from './history.js';
import type { AccessChange } from '../../plan/types.js';
import { jsonDocument, terminalSafe } from '../../common/escape.js';
import { code } from '../../render/markdown.js';

export interface HistoryReport {
  /** null with --all. */
  identity: string | null;
  since: string | null;
  entries: HistoryEntry[];
}

function accessJson(a: AccessChange): object {
  return { target: a.target, grant: a.grant, ...(a.elevation === undefined ? {} : { elevation: a.elevation }) };
}

export function renderHistoryJson(r: HistoryReport): string {
  const commits = r.entries.map((e) => ({
    sha: e.sha,
    author: e.author,
    email: e.email,
    date: e.date,
    pr: e.pr,
    ...(r.identity === null ? { identity: e.identity } : {}),
    kind: e.kind,
    from: e.from,
    file: e.file,
    access: { gained: e.access.gained.map(accessJson), lost: e.access.lost.map(accessJson) },
    changes: e.changes.map((c) => ({ path: c.path, before: c.before, after: c.after })),
  }));
  return jsonDocument({ identity: r.identity, ...(r.since ? { since: r.since } : {}), commits });
}

function value(v: unknown): string {
  return v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

function headline(e: HistoryEntry): string {
  const what = e.kind === 'renamed' ? `renamed from ${e.from}` : e.kind;
  return (
    `${e.date.slice(0, 10)} ${e.sha.slice(0, 10)}${e.pr === null ? '' : ` #${e.pr}`} ${e.author} — ` +
    `${e.identity} ${what}`
  );
}

export function renderHistoryText(r: HistoryReport): string {
  const lines: string[] = [];
  for (const e of r.entries) {
    lines.push(terminalSafe(headline(e)));
    for (const c of e.changes)
      lines.push(`    ${terminalSafe(c.path)}: ${terminalSafe(value(c.before))} → ${terminalSafe(value(c.after))}`);
    for (const a of e.access.gained)
      lines.push(
        `    + ${a.target} ${terminalSafe(a.grant)}${a.elevation === undefined ? '' : ` (elevation ${a.elevation})`}`,
      );
    for (const a of e.access.lost) lines.push(`    - ${a.target} ${terminalSafe(a.grant)}`);
  }
  const who = r.identity === null ? 'all identities' : terminalSafe(r.identity);
  lines.push(
    `${lines.length ? '\n' : ''}${r.entries.length} change${r.entries.length === 1 ? '' : 's'} to ` +
      `${who}${r.since ? ` since ${r.since}` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderHistoryMarkdown(r: HistoryReport): string {
  const lines = [
    `### History of ${r.identity === null ? 'all identities' : code(r.identity)}` +
      (r.since ? ` since ${code(r.since)}` : ''),
    '',
  ];
  if (r.entries.length === 0) lines.push('No changes.');
  for (const e of r.entries) {
    const what = e.kind === 'renamed' ? `renamed from ${code(e.from!)}` : e.kind;
    lines.push(
      `- ${e.date.slice(0, 10)} ${code(e.sha.slice(0, 10))}${e.pr === null ? '' : ` PR ${code(`#${e.pr}`)}`}` +
        ` by ${code(e.author)}: ${code(e.identity)} ${what}`,
    );
    for (const c of e.changes) lines.push(`  - ${code(c.path)}: ${code(value(c.before))} → ${code(value(c.after))}`);
    for (const a of e.access.gained) lines.push(`  - gained ${a.target} ${code(a.grant)}`);
    for (const a of e.access.lost) lines.push(`  - lost ${a.target} ${code(a.grant)}`);
  }
  return `${lines.join('\n')}\n`;
}
