// `idac rules`: the catalogue from rule metadata. The README's table is this Markdown, kept
// current by test/docs.test.ts.

import { NHI_TOP_10 } from '../rules/owasp.js';
import type { Rule } from '../rules/types.js';

/** Where each kind of rule is checked, in words (`idac rules ID`, docs/rules/<id>.md). */
export const STAGE: Readonly<Record<Rule['kind'], string>> = {
  load: 'reported while loading the file (bytes, YAML, schema)',
  plan: 'reported by idac plan, comparing the two revisions',
  identity: 'checked on each identity',
  org: 'checked on identities/org.yaml',
  text: 'a scan of the raw text, comments included',
  repo: 'checked across all files of the repository',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function catalogueMarkdown(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const lines = ['| Rule | Severity | What it catches | Fix | OWASP NHI |', '| --- | --- | --- | --- | --- |'];
  for (const r of sorted)
    lines.push(
      `| \`${r.meta.id}\` | ${r.meta.severity} | **${cell(r.meta.title)}.** ${cell(r.meta.rationale)} | ` +
        `${cell(r.meta.fix)} | ${r.meta.owasp.join(', ') || '—'} |`,
    );
  lines.push(
    '',
    '### OWASP Non-Human Identities Top 10 coverage',
    '',
    '| Risk | Rules | What no rule here can see |',
    '| --- | --- | --- |',
  );
  for (const c of coverage(rules))
    lines.push(
      `| ${c.id} ${cell(c.title)} | ` +
        `${c.rules.length ? c.rules.map((id) => `\`${id}\``).join(', ') : '**none yet**'} | ` +
        `${cell(c.blindSpot)} |`,
    );
  return `${lines.join('\n')}\n`;
}

/** For each NHI risk: the rules that address it, and what stays invisible to a static check. */
export function coverage(rules: readonly Rule[]): { id: string; title: string; rules: string[]; blindSpot: string }[] {
  return NHI_TOP_10.map((n) => ({
    id: n.id,
    title: n.title,
    rules: rules
      .filter((r) => r.meta.owasp.includes(n.id))
      .map((r) => r.meta.id)
      .sort(),
    blindSpot: n.blindSpot,
  }));
}

/** `docs`: a rule's documentation URL (from package.json's homepage, read at the cli edge). */
export function catalogueJson(rules: readonly Rule[], docs: (id: string) => string | null): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const entries = sorted.map((r) => ({
    id: r.meta.id,
    severity: r.meta.severity,
    title: r.meta.title,
    rationale: r.meta.rationale,
    fix: r.meta.fix,
    owasp: r.meta.owasp,
    stage: r.kind,
    docs: docs(r.meta.id),
  }));
  return `${JSON.stringify({ rules: entries, owasp: coverage(rules) }, null, 2)}\n`;
}

export function catalogueText(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const width = Math.max(...sorted.map((r) => r.meta.id.length));
  const lines = sorted.map(
    (r) =>
      `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ` +
      `${r.meta.title}${r.meta.owasp.length ? ` [${r.meta.owasp.join(', ')}]` : ''}`,
  );
  lines.push('', 'OWASP Non-Human Identities Top 10 coverage:');
  for (const c of coverage(rules))
    lines.push(
      `  ${c.id.padEnd(5)} ${c.title}: ` +
        `${c.rules.length === 0 ? 'no rule yet' : `${c.rules.length} rule${c.rules.length === 1 ? '' : 's'}`}; ` +
        `not visible to idac: ${c.blindSpot}`,
    );
  lines.push(
    '',
    'idac rules ID shows one rule in full (why, fix, docs); --format markdown or json prints the whole catalogue.',
  );
  return `${lines.join('\n')}\n`;
}

/** The documentation page of a rule, relative to the repository (docs/rules/<id>.md). */
export const docsPath = (id: string): string => `docs/rules/${id}.md`;

const risks = (rule: Rule): string[] =>
  rule.meta.owasp.map((id) => `${id} ${NHI_TOP_10.find((n) => n.id === id)?.title ?? ''}`.trim());

/** One rule, as `idac rules ID` prints it. */
export function ruleText(rule: Rule): string {
  const m = rule.meta;
  return [
    `${m.id}  (${m.severity})`,
    m.title,
    '',
    `why:   ${m.rationale}`,
    `fix:   ${m.fix}`,
    `OWASP: ${risks(rule).join('; ') || 'none'}`,
    `stage: ${STAGE[rule.kind]}`,
    `docs:  ${docsPath(m.id)}`,
    '',
  ].join('\n');
}

export function ruleMarkdown(rule: Rule): string {
  const m = rule.meta;
  return [
    `## \`${m.id}\` — ${m.title}`,
    '',
    `**Severity:** ${m.severity}  `,
    `**OWASP NHI:** ${risks(rule).join(', ') || '—'}  `,
    `**Stage:** ${STAGE[rule.kind]}`,
    '',
    m.rationale,
    '',
    `**Fix:** ${m.fix}`,
    '',
    `Documentation: [${docsPath(m.id)}](${docsPath(m.id)})`,
    '',
  ].join('\n');
}

/** `docs`: the rule's documentation URL (package.json's homepage), beside its path in the repository. */
export function ruleJson(rule: Rule, docs: (id: string) => string | null): string {
  const m = rule.meta;
  const entry = {
    id: m.id,
    severity: m.severity,
    title: m.title,
    rationale: m.rationale,
    fix: m.fix,
    owasp: m.owasp,
    stage: rule.kind,
    docsPath: docsPath(m.id),
    docs: docs(m.id),
  };
  return `${JSON.stringify(entry, null, 2)}\n`;
}
