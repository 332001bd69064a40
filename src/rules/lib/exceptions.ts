// spec.exceptions in org.yaml: the only way to accept a finding. Each names one identity and one
// rule, has a reason, an expiry and a security owner's approval who is not the identity's owner;
// inline suppression does not exist.

import { show } from '../../common/findings.js';
import { expiryOf, isExpired } from '../../common/time.js';
import type { OrgModel } from '../../model/org.js';
import type { Report } from '../types.js';
import { summaryOf } from './summaries.js';

/**
 * Findings of these domains can never be excepted: they are about the file itself or a leaked
 * secret, or (plan/) about a change, which the plan reports after exceptions are applied.
 */
export const NOT_EXCEPTABLE = /^(parse|schema|secret|org|plan)\//;

/**
 * The repo rule whose summary of each valid identity is its owner, lower-cased: validate reads
 * those summaries to drop self-approved exceptions without a second pass over the files.
 */
export const OWNER_SUMMARY = 'org/exception-self-approved';

/** Reported by validate, which alone knows whether the whole identities/ folder was read. */
export const UNKNOWN_IDENTITY = 'org/exception-unknown-identity';

/** identity name → its owners, lower-cased (a set: two files may clash on one name). */
export type Owners = ReadonlyMap<string, ReadonlySet<string>>;

export function ownersOf(identities: Iterable<{ identity: string; owner: string }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { identity, owner } of identities) {
    const set = out.get(identity);
    if (set) set.add(owner.toLowerCase());
    else out.set(identity, new Set([owner.toLowerCase()]));
  }
  return out;
}

/** The owners validate's outcomes recorded (through the OWNER_SUMMARY rule's summaries). */
export function ownersFromSummaries(
  outcomes: readonly { identity: string | null; summaries: string }[],
): Map<string, Set<string>> {
  const pairs: { identity: string; owner: string }[] = [];
  for (const o of outcomes) {
    const owner = o.identity === null ? undefined : summaryOf(o, OWNER_SUMMARY);
    if (o.identity !== null && typeof owner === 'string') pairs.push({ identity: o.identity, owner });
  }
  return ownersOf(pairs);
}

export function isSelfApproved(e: { identity: string; approvedBy: string }, owners: Owners): boolean {
  return owners.get(e.identity)?.has(e.approvedBy.toLowerCase()) ?? false;
}

export type ExceptionProblem = 'expired' | 'approver' | 'not-exceptable' | 'bad-date';

export function exceptionProblem(
  e: { rule: string; approvedBy: string; expires: string },
  org: OrgModel,
  now: number,
  knownRules: ReadonlySet<string>,
): ExceptionProblem | 'unknown-rule' | null {
  if (!knownRules.has(e.rule)) return 'unknown-rule';
  if (NOT_EXCEPTABLE.test(e.rule)) return 'not-exceptable';
  if (!org.securityOwners.has(e.approvedBy.toLowerCase())) return 'approver';
  if (expiryOf(e.expires) === null) return 'bad-date';
  if (isExpired(e.expires, now)) return 'expired';
  return null;
}

/** identity → rules excepted for it right now. A self-approved exception excepts nothing. */
export function activeExceptions(org: OrgModel, now: number, owners: Owners): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of org.spec.exceptions ?? []) {
    if (NOT_EXCEPTABLE.test(e.rule) || !org.securityOwners.has(e.approvedBy.toLowerCase()) || isSelfApproved(e, owners))
      continue;
    if (expiryOf(e.expires) === null || isExpired(e.expires, now)) continue;
    if (!out.has(e.identity)) out.set(e.identity, new Set());
    out.get(e.identity)!.add(e.rule);
  }
  return out;
}

/** Exceptions naming no identity of the repository (`known`: every identity name found, valid or not). */
export function unknownIdentityReports(org: OrgModel, known: ReadonlySet<string>): Report[] {
  const out: Report[] = [];
  (org.spec.exceptions ?? []).forEach((e, i) => {
    if (!known.has(e.identity))
      out.push({
        path: ['spec', 'exceptions', i, 'identity'],
        messageId: 'unknownIdentity',
        data: { identity: show(e.identity) },
      });
  });
  return out;
}
