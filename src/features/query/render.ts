// who-can's two outputs. JSON: SPEC §5's `{"matches":[{identity, target, grant, file, line,
// elevation}]}` plus `column`, the elevation's `window`, an AWS grant's `conditions` when it has
// any, and `skipped` (the manifests the answer could not read) only when there are any. Text: one
// line per match, conditions in words after the grant (with --assume: identity, kind, principal,
// place); every value that came from a manifest or the
// command line goes through terminalSafe.

import { conditionsText } from '../../access/aws-conditions.js';
import { jsonDocument, terminalSafe } from '../../common/escape.js';
import type { Match } from './who-can.js';
import type { AssumeMatch } from './who-can-assume.js';

export function whoCanJson(matches: readonly (Match | AssumeMatch)[], skipped: readonly string[]): string {
  return jsonDocument({ matches, ...(skipped.length > 0 ? { skipped } : {}) });
}

/** `none`: the line printed when nothing matches. */
export function whoCanText(matches: readonly Match[], none: string): string {
  if (matches.length === 0) return `${terminalSafe(none)}\n`;
  const rows = matches.map((m) => ({
    identity: terminalSafe(m.identity),
    grant: terminalSafe(m.conditions === undefined ? m.grant : `${m.grant} only when ${conditionsText(m.conditions)}`),
    place: `${terminalSafe(m.file)}:${m.line}`,
    when: m.window
      ? `  (elevation ${m.elevation}, ${terminalSafe(m.window.from)} to ${terminalSafe(m.window.until)})`
      : '',
    target: m.target,
  }));
  const width = (k: 'identity' | 'target' | 'grant'): number => Math.max(...rows.map((r) => r[k].length));
  const [wi, wt, wg] = [width('identity'), width('target'), width('grant')];
  return (
    rows
      .map((r) =>
        `${r.identity.padEnd(wi)}  ${r.target.padEnd(wt)}  ${r.grant.padEnd(wg)}  ${r.place}${r.when}`.trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** --assume: one line per way in, `identity  aws:oidc  oidc gitlab …  file:line`. */
export function whoCanAssumeText(matches: readonly AssumeMatch[], none: string): string {
  if (matches.length === 0) return `${terminalSafe(none)}\n`;
  const rows = matches.map((m) => [
    terminalSafe(m.identity),
    m.kind,
    terminalSafe(m.principal),
    `${terminalSafe(m.file)}:${m.line}`,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')).join('\n') + '\n';
}
