// One inventory row per identity: who answers for it, what it reaches, how it authenticates and
// when something about it falls due.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { lower, type OrgModel } from '../../model/org.js';
import { DAY_MS, expiryOf, isoDate, parseDate, parseDuration } from '../../common/time.js';
import { trustsOf } from '../../access/trust.js';
import type { CredentialKind, InventoryRow, Login, Target } from './types.js';
import { cmp } from '../../common/findings.js';

export interface LoadedIdentity {
  /** Relative to the repository root. */
  file: string;
  data: MachineIdentity;
}

export const STATIC_KINDS: ReadonlySet<CredentialKind> = new Set<CredentialKind>(['aws-access-key', 'vault-secret-id']);

/** One credential per target the identity reaches, in target order. */
export function credentialKinds(data: MachineIdentity): CredentialKind[] {
  const a = data.spec.access;
  const out: CredentialKind[] = [];
  if (a.aws) out.push(a.aws.principal === 'user' ? 'aws-access-key' : 'aws-role');
  if (a.kubernetes) out.push('kubernetes-service-account');
  if (a.vault) out.push(VAULT_KIND[a.vault.auth]);
  return out;
}

const VAULT_KIND: Record<NonNullable<MachineIdentity['spec']['access']['vault']>['auth'], CredentialKind> = {
  approle: 'vault-secret-id',
  kubernetes: 'vault-kubernetes-auth',
  jwt: 'vault-jwt-auth',
  aws: 'vault-aws-auth',
  cert: 'vault-cert-auth',
};

/**
 * Static, federated only, or neither (Login). Read as declared: a suspended identity trusts nobody
 * while suspended (trustsOf), but the report counts how it is built to log in.
 */
export function loginOf(data: MachineIdentity, kinds: readonly CredentialKind[] = credentialKinds(data)): Login {
  if (kinds.some((k) => STATIC_KINDS.has(k))) return 'static';
  const declared = { ...data, spec: { ...data.spec, status: 'active' as const } };
  return trustsOf(declared).length > 0 ? 'federated' : 'none';
}

/** `nextRotation`: the soonest rotation of the identity's static credentials (rotationReport), if any. */
export function inventoryRow(
  { file, data }: LoadedIdentity,
  org: OrgModel | null,
  nextRotation: string | null,
  now: number,
): InventoryRow {
  const s = data.spec;
  const kinds = credentialKinds(data);
  const review = reviewState(data, org, now);
  return {
    name: data.metadata.name,
    type: s.type,
    team: s.stewardship.team,
    owner: s.stewardship.owner ?? '',
    successor: s.stewardship.successor ?? '',
    criticality: s.criticality ?? null,
    costCenter: s.stewardship.costCenter ?? null,
    purpose: s.purpose,
    targets: (['aws', 'kubernetes', 'vault'] as const).filter((t): t is Target => s.access[t] !== undefined),
    credential: kinds.some((k) => STATIC_KINDS.has(k)) ? 'static' : 'federated',
    credentialKinds: kinds,
    login: loginOf(data, kinds),
    expires: s.expires,
    daysToExpiry: daysToExpiry(s.expires, now),
    lastReviewed: s.review?.lastReviewed ?? null,
    reviewer: s.review?.reviewer ?? null,
    nextReview: review.next,
    reviewOverdue: review.overdue,
    nextRotation,
    status: s.status ?? 'active',
    file,
  };
}

/**
 * Whole days to the end of the expiry day, rounded up: 1 while the last day runs, 0 or less once
 * expired (SPEC §2: expired from the start of the day after `expires`). An unreadable date, which
 * validate reports, counts as expired: the report must not make it look healthy.
 */
export function daysToExpiry(expires: string, now: number): number {
  const expiry = expiryOf(expires);
  return expiry === null ? 0 : Math.ceil((expiry.at - now) / DAY_MS);
}

/**
 * When the next access review falls due and whether it is overdue, on lifecycle/review-overdue's
 * terms: whole UTC days, the due date itself still on time.
 */
export function reviewState(
  data: MachineIdentity,
  org: OrgModel | null,
  now: number,
): { next: string | null; overdue: boolean } {
  const limit = org?.spec.limits?.reviewEvery;
  const every = limit === undefined ? null : parseDuration(limit);
  const last = data.spec.review ? parseDate(data.spec.review.lastReviewed) : null;
  if (every === null || last === null) return { next: null, overdue: false };
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { next: isoDate(last + every), overdue: today - last > every };
}

/** Without org.yaml membership cannot be checked, and the report says so instead of guessing. */
export function isMember(org: OrgModel | null, team: string, email: string): boolean {
  if (org === null) return true;
  return org.members.get(team)?.has(lower(email)) ?? false;
}

export function compareRows(a: InventoryRow, b: InventoryRow): number {
  return cmp(a.team, b.team) || cmp(a.name, b.name) || cmp(a.file, b.file);
}
