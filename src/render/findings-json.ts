// SPEC.md §5: `validate --format json`, one object, keys in a fixed order. Each finding carries
// its rule's fix and documentation page, so a tool reading the JSON needs no second lookup.

import { jsonDocument } from '../common/escape.js';
import type { Finding } from '../common/findings.js';
import { ruleById } from '../rules/index.js';
import { cut, listed, type FindingLinks, type FindingsReport } from './findings-report.js';

export type { FindingsReport } from './findings-report.js';

/** One finding as every JSON output prints it (validate, codeowners --check, plan). */
export function findingJson(f: Finding, docs: FindingLinks['docs']): object {
  return {
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    identity: f.identity,
    message: f.message,
    fix: ruleById.get(f.rule)?.meta.fix ?? null,
    docs: docs(f.rule),
  };
}

export function renderJson(report: FindingsReport, links: Pick<FindingLinks, 'docs'>): string {
  const out: Record<string, unknown> = {
    identities: report.identities,
    findings: listed(report).map((f) => findingJson(f, links.docs)),
  };
  const n = cut(report);
  if (n > 0) out.truncated = n;
  return jsonDocument(out);
}
