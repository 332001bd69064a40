// What the report is computed from, read once through a Source (working tree or git revision):
// every valid manifest, org.yaml, and validate's findings over the whole identities/ folder.

import type { FileRunner } from '../../check/validate.js';
import { ok, type Result } from '../../common/result.js';
import type { Source } from '../../manifest/source.js';
import { loadRepository } from '../../check/repository.js';
import type { Rule } from '../../rules/types.js';
import type { ReportInput } from './report.js';

export async function loadReportInput(
  source: Source,
  opts: { now: number; rules: readonly Rule[]; runner?: FileRunner },
): Promise<Result<ReportInput>> {
  const repo = await loadRepository(source, {
    check: { now: opts.now, ...(opts.runner ? { runner: opts.runner } : {}) },
  });
  if (!repo.ok) return repo;
  const { identities, skipped, model, findings } = repo.value;
  return ok({
    identities: identities.map(({ file, data }) => ({ file, data })),
    skipped: skipped.length,
    org: model,
    findings,
    rules: opts.rules.filter(checkedHere),
    now: opts.now,
  });
}

/**
 * The report reads one revision: a plan/ rule, which compares two, never finds anything here, and
 * listed in the OWASP coverage it would read as a risk checked and clean.
 */
function checkedHere(rule: Rule): boolean {
  return rule.kind !== 'plan';
}
