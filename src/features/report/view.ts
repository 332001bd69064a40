// Words the human-readable report formats (Markdown, HTML) share, so both say the same thing.

import type { CredentialKind, Login, NhiCoverage, Share, StewardshipProblem } from './types.js';
import { plural } from '../../render/plan-view.js';

export { plural };

export const REPORT_TITLE = 'Machine identity report';

export const KIND_LABEL: Record<CredentialKind, string> = {
  'aws-role': 'AWS role (federated)',
  'kubernetes-service-account': 'Kubernetes service account',
  'vault-kubernetes-auth': 'Vault Kubernetes auth',
  'vault-jwt-auth': 'Vault JWT auth',
  'vault-aws-auth': 'Vault AWS (IAM) auth',
  'vault-cert-auth': 'Vault TLS certificate auth',
  'aws-access-key': 'AWS access key',
  'vault-secret-id': 'Vault AppRole secret-id',
};

export const PROBLEM_LABEL: Record<StewardshipProblem, string> = {
  'owner-not-in-team': 'owner not in the team',
  'successor-not-in-team': 'successor not in the team',
  'successor-is-owner': 'successor is the owner',
};

export const NHI_STATUS_LABEL: Record<NhiCoverage['status'], string> = {
  'no-rule': 'not checked',
  clean: 'enforced, no findings',
  findings: 'enforced, findings',
};

/** `7 of 9 (77.8%)`, or `none to count`. */
export function showShare(s: Share): string {
  return s.percent === null ? 'none to count' : `${s.count} of ${s.total} (${s.percent}%)`;
}

/** How many people to list in the bus-factor table; JSON has them all. */
export const TOP_PEOPLE = 10;

/** `in 12 days`, `today is the last day`, `expired 3 days ago`. */
export function showDays(days: number): string {
  if (days === 1) return 'last day today';
  if (days > 1) return `in ${days} days`;
  return days === 0 ? 'expired today' : `expired ${plural(-days, 'day')} ago`;
}

export const LOGIN_LABEL: Record<Login, string> = {
  static: 'holds a static credential',
  federated: 'logs in only by federation',
  none: 'neither: nobody is trusted to become it',
};
