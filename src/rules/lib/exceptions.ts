// spec.exceptions in org.yaml: the only way to accept a finding. Each names one identity and one
// rule, has a reason, an expiry and a security owner's approval; inline suppression does not exist.

import { parseDate, endOfDay } from '../../time.js';
import type { OrgModel } from '../../model/org.js';

/** Findings of these domains can never be excepted: they are about the file itself or a leaked secret. */
export const NOT_EXCEPTABLE = /^(parse|schema|secret|org)\//;

export type ExceptionProblem = 'expired' | 'approver' | 'not-exceptable' | 'bad-date';

export function exceptionProblem(e: { rule: string; approvedBy: string; expires: string }, org: OrgModel, now: number, knownRules: ReadonlySet<string>): ExceptionProblem | 'unknown-rule' | null {
  if (!knownRules.has(e.rule)) return 'unknown-rule';
  if (NOT_EXCEPTABLE.test(e.rule)) return 'not-exceptable';
  if (!org.securityOwners.has(e.approvedBy.toLowerCase())) return 'approver';
  const day = parseDate(e.expires);
  if (day === null) return 'bad-date';
  if (now >= endOfDay(day)) return 'expired';
  return null;
}

/** identity → rules excepted for it right now. */
export function activeExceptions(org: OrgModel, now: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of org.spec.exceptions ?? []) {
    if (NOT_EXCEPTABLE.test(e.rule) || !org.securityOwners.has(e.approvedBy.toLowerCase())) continue;
    const day = parseDate(e.expires);
    if (day === null || now >= endOfDay(day)) continue;
    if (!out.has(e.identity)) out.set(e.identity, new Set());
    out.get(e.identity)!.add(e.rule);
  }
  return out;
}
