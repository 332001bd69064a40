// What the report is computed from, read through a Source (working tree or git revision): every
// valid manifest, org.yaml, and validate's findings over the whole identities/ folder.

import { ORG_FILE, validate, type FileRunner, type Result } from '../../check/validate.js';
import type { Source } from '../../manifest/source.js';
import { readRepository } from '../../check/read.js';
import { orgModel } from '../../model/org.js';
import type { Rule } from '../../rules/types.js';
import type { LoadedIdentity } from './inventory.js';
import type { ReportInput } from './report.js';

const FOLDER = ORG_FILE.slice(0, ORG_FILE.lastIndexOf('/'));

export async function loadReportInput(source: Source, opts: { now: number; rules: readonly Rule[]; runner?: FileRunner }): Promise<Result<ReportInput>> {
  const repo = await readRepository(source, ORG_FILE);
  if (!repo.ok) return repo;
  const checked = await validate(source, { paths: [FOLDER], now: opts.now, ...(opts.runner ? { runner: opts.runner } : {}) });
  if (!checked.ok) return checked;
  const { org: orgData, skipped, links } = repo.value;
  const identities: LoadedIdentity[] = repo.value.identities;
  return { ok: true, value: { identities, skipped: skipped.length + links.length, org: orgData ? orgModel(orgData) : null, findings: checked.value.findings, rules: opts.rules.filter(checkedHere), now: opts.now } };
}

/**
 * The report reads one revision: a plan/ rule, which compares two, never finds anything here, and
 * listed in the OWASP coverage it would read as a risk checked and clean.
 */
function checkedHere(rule: Rule): boolean {
  return rule.kind !== 'plan';
}
