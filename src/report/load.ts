// What the report is computed from, read through a Source (working tree or git revision): every
// valid manifest, org.yaml, and validate's findings over the whole identities/ folder.

import { ORG_FILE, validate, type FileRunner, type Result } from '../check/validate.js';
import type { Source } from '../io/source.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import { readValid } from '../manifest/read.js';
import { orgModel } from '../model/org.js';
import type { Rule } from '../rules/types.js';
import type { LoadedIdentity } from './inventory.js';
import type { ReportInput } from './report.js';

const FOLDER = ORG_FILE.slice(0, ORG_FILE.lastIndexOf('/'));

export async function loadReportInput(source: Source, opts: { now: number; rules: readonly Rule[]; runner?: FileRunner }): Promise<Result<ReportInput>> {
  const listing = await source.list([FOLDER]);
  if (!listing.ok) return listing;
  const checked = await validate(source, { paths: [FOLDER], now: opts.now, ...(opts.runner ? { runner: opts.runner } : {}) });
  if (!checked.ok) return checked;
  const orgData = (await readValid(source, ORG_FILE, 'Organization')) as Organization | null;
  const identities: LoadedIdentity[] = [];
  let skipped = 0;
  for (const f of listing.files) {
    if (f.path === ORG_FILE) continue;
    const data = f.symlink ? null : ((await readValid(source, f.path, 'MachineIdentity')) as MachineIdentity | null);
    if (data) identities.push({ file: f.path, data });
    else skipped++;
  }
  return { ok: true, value: { identities, skipped, org: orgData ? orgModel(orgData) : null, findings: checked.value.findings, rules: opts.rules, now: opts.now } };
}
