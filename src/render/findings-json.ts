// SPEC.md §5: `validate --format json`, one object, keys in a fixed order.

import type { Finding } from '../findings.js';

export interface FindingsReport {
  identities: number;
  findings: readonly Finding[];
  /** How many findings --max-findings cut. */
  truncated?: number;
}

export function renderJson(report: FindingsReport): string {
  const out: Record<string, unknown> = {
    identities: report.identities,
    findings: report.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, identity: f.identity, message: f.message })),
  };
  if (report.truncated) out.truncated = report.truncated;
  return `${JSON.stringify(out, null, 2)}\n`;
}
