// `idac rules`: the catalogue from rule metadata. The README's table is this Markdown, kept
// current by test/docs.test.ts.

import type { Rule } from '../rules/types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function catalogueMarkdown(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const lines = ['| Rule | Severity | What it catches | Fix | OWASP NHI |', '| --- | --- | --- | --- | --- |'];
  for (const r of sorted) lines.push(`| \`${r.meta.id}\` | ${r.meta.severity} | **${cell(r.meta.title)}.** ${cell(r.meta.rationale)} | ${cell(r.meta.fix)} | ${r.meta.owasp.join(', ') || '—'} |`);
  return `${lines.join('\n')}\n`;
}

export function catalogueJson(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  return `${JSON.stringify({ rules: sorted.map((r) => ({ id: r.meta.id, severity: r.meta.severity, title: r.meta.title, rationale: r.meta.rationale, fix: r.meta.fix, owasp: r.meta.owasp, stage: r.kind })) }, null, 2)}\n`;
}

export function catalogueText(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const width = Math.max(...sorted.map((r) => r.meta.id.length));
  return `${sorted.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.title}${r.meta.owasp.length ? ` [${r.meta.owasp.join(', ')}]` : ''}`).join('\n')}\n`;
}
