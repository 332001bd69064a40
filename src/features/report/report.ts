// `idac report`: inventory, KPIs and OWASP NHI Top 10 coverage from what the CLI loaded. Pure: the
// identities, org.yaml, validate's findings, the rule catalogue and the clock come in as data.

import { rotationReport } from '../../compile/rotation-report.js';
import type { Finding } from '../../common/findings.js';
import type { OrgModel } from '../../model/org.js';
import { NHI_TOP_10 } from '../../rules/owasp.js';
import type { RuleMeta } from '../../rules/types.js';
import { isoInstant } from '../../common/time.js';
import { cmp } from '../../common/findings.js';
import { compareRows, inventoryRow, type LoadedIdentity } from './inventory.js';
import { kpis } from './kpis.js';
import type { NhiCoverage, Report } from './types.js';

export interface ReportInput {
  /** Valid MachineIdentity manifests. */
  identities: readonly LoadedIdentity[];
  /** Manifests that did not load. */
  skipped: number;
  org: OrgModel | null;
  /** validate's findings over the whole identities/ folder (after exceptions). */
  findings: readonly Finding[];
  rules: readonly { meta: RuleMeta }[];
  now: number;
}

export function buildReport(input: ReportInput): Report {
  const { identities, org, findings, now } = input;
  const credentials = rotationReport(identities, org, now);
  const soonest = new Map<string, string>();
  for (const c of credentials) {
    const prev = soonest.get(c.file);
    if (c.nextRotation !== null && (prev === undefined || c.nextRotation < prev)) soonest.set(c.file, c.nextRotation);
  }
  const rows = identities.map((i) => inventoryRow(i, org, soonest.get(i.file) ?? null, now)).sort(compareRows);
  const titles = new Map(input.rules.map((r) => [r.meta.id, r.meta.title]));
  const status = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    asOf: isoInstant(now),
    summary: {
      identities: rows.length,
      live: rows.length - status('decommissioned'),
      teams: new Set(rows.map((r) => r.team)).size,
      byStatus: { active: status('active'), suspended: status('suspended'), decommissioned: status('decommissioned') },
      skipped: input.skipped,
      org: org !== null,
    },
    kpis: kpis(rows, credentials, findings, titles, org, now),
    owasp: owaspCoverage(input.rules, findings),
    inventory: rows,
  };
}

/** Per OWASP NHI risk: the rules idac enforces for it, their findings here, and the blind spot. */
export function owaspCoverage(rules: readonly { meta: RuleMeta }[], findings: readonly Finding[]): NhiCoverage[] {
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  return NHI_TOP_10.map((risk) => {
    const mapped = rules
      .filter((r) => r.meta.owasp.includes(risk.id))
      .map((r) => ({ rule: r.meta.id, findings: perRule.get(r.meta.id) ?? 0 }))
      .sort((a, b) => cmp(a.rule, b.rule));
    const total = mapped.reduce((sum, r) => sum + r.findings, 0);
    return {
      id: risk.id,
      title: risk.title,
      status: mapped.length === 0 ? 'no-rule' : total > 0 ? 'findings' : 'clean',
      rules: mapped,
      findings: total,
      blindSpot: risk.blindSpot,
    };
  });
}
