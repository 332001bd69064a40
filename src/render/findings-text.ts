// Terminal output in the style of tsc and ESLint: one line per finding, the rule's fix below its
// first finding in each file, a summary.

import type { Finding } from '../common/findings.js';
import type { InventoryEntry } from '../rules/engine.js';
import type { RuleMeta } from '../rules/types.js';
import { terminalSafe } from '../common/escape.js';
import { counts, cut, listed, plural, type FindingsReport } from './findings-report.js';

export interface TextOptions {
  color: boolean;
  /** Valid identities, for the one-paragraph inventory under the findings. */
  inventory?: readonly InventoryEntry[];
  meta: (rule: string) => RuleMeta | undefined;
}

/** ANSI SGR `code` around `s` when colour is on. */
export const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** `file:line:col  severity  rule  message`, as tsc and ESLint print it. */
export function findingLine(f: Finding, color: boolean): string {
  const sev =
    f.severity === 'error'
      ? paint(color, '31', 'error')
      : f.severity === 'warning'
        ? paint(color, '33', 'warning')
        : paint(color, '36', 'info');
  return (
    `${paint(color, '1', terminalSafe(`${f.file}:${f.line}:${f.column}`))}  ${sev}  ` +
    `${paint(color, '2', terminalSafe(f.rule))}  ${terminalSafe(f.message)}`
  );
}

export function renderText(report: FindingsReport, opts: TextOptions): string {
  const lines: string[] = [];
  // The same fix under every finding of a rule buries the findings; once per rule and file is enough.
  const fixed = new Set<string>();
  const shown = listed(report);
  for (const f of shown) {
    lines.push(findingLine(f, opts.color));
    const fix = opts.meta(f.rule)?.fix;
    const key = `${f.file}\u0000${f.rule}`;
    if (fix && !fixed.has(key)) lines.push(`    ${paint(opts.color, '2', `fix: ${fix}`)}`);
    fixed.add(key);
  }
  if (shown.length) lines.push('');
  if (opts.inventory?.length) lines.push(...inventoryLines(opts.inventory), '');
  lines.push(summaryLine(report, opts.color));
  return `${lines.join('\n')}\n`;
}

/** Counts only: team and type names come from manifests but are schema-checked to plain words. */
export function inventoryLines(inv: readonly InventoryEntry[]): string[] {
  const count = <K extends string>(key: (e: InventoryEntry) => K | K[]) => {
    const m = new Map<K, number>();
    for (const e of inv) for (const k of ([] as K[]).concat(key(e))) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  };
  const live = inv.filter((e) => e.status !== 'decommissioned');
  const teamCount = new Set(inv.map((e) => e.team)).size;
  const stat = live.filter((e) => e.static).length;
  return [
    `inventory  ${inv.length} valid ${inv.length === 1 ? 'identity' : 'identities'} in ${teamCount} ` +
      `team${teamCount === 1 ? '' : 's'}`,
    `  status   ${count((e) => e.status)}`,
    `  types    ${count((e) => e.type)}`,
    `  targets  ${count((e) => e.targets)}`,
    `  secrets  ${live.length - stat} federated (no static secret), ${stat} with a static credential`,
  ].map(terminalSafe);
}

/** Counts every finding, listed or not: --max-findings shortens the list, never the count. */
export function summaryLine(report: FindingsReport, color = false): string {
  const { error: e, warning: w, info: i, files } = counts(report);
  const checked = `${plural(report.identities, 'identity').replace('identitys', 'identities')} checked`;
  const n = cut(report);
  const more = n > 0 ? ` (${n} more not shown: ${report.limit!.hint})` : '';
  if (e + w + i === 0) return paint(color, '32', `✔ ${checked}, no findings`);
  const parts = [plural(e, 'error'), plural(w, 'warning'), ...(i ? [`${i} info`] : [])].join(', ');
  return paint(color, e ? '31' : '33', `✖ ${parts} in ${plural(files, 'file')}; ${checked}${more}`);
}
