// What every findings format shares: the report (all findings; --max-findings only cuts the
// list, never the counts), the counts themselves, and what a finding links to.

import type { Finding, Severity } from '../common/findings.js';

export interface FindingsReport {
  identities: number;
  /** Every finding, sorted. Counts and the exit code come from all of them. */
  findings: readonly Finding[];
  /** Print at most `max` findings; `hint` says how to see the rest (`--max-findings 500`). */
  limit?: { max: number; hint: string };
}

/** Links a finding carries, worked out at the cli edge (package.json, git). */
export interface FindingLinks {
  /** The rule's documentation page as an absolute URL, or null for a finding without one. */
  docs: (rule: string) => string | null;
  /**
   * Where --dir sits in its git repository (`infra/identity/`, '' at the top or outside git): GitHub and SARIF read
   * paths from the git root.
   */
  gitPrefix: string;
}

/** The findings to print. */
export function listed(report: FindingsReport): readonly Finding[] {
  return report.limit === undefined ? report.findings : report.findings.slice(0, report.limit.max);
}

/** How many findings the list leaves out. */
export function cut(report: FindingsReport): number {
  return report.findings.length - listed(report).length;
}

export function counts(report: FindingsReport): Record<Severity, number> & { files: number } {
  const out = { error: 0, warning: 0, info: 0, files: new Set(report.findings.map((f) => f.file)).size };
  for (const f of report.findings) out[f.severity]++;
  return out;
}

/** `1 error`, `2 errors`; `many` for a plural that is not word + s. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
