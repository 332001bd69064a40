// `idac review`: the access reviews due, per owner, as text or JSON; and the record of one attestation.

import type { OwnerReviews, ReviewDue } from './due.js';
import { jsonDocument, terminalSafe } from '../../common/escape.js';

export interface ReviewList {
  /** ISO-8601 UTC: the --now the dates were computed against. */
  now: string;
  within: string;
  /** org.yaml limits.reviewEvery; null when it sets none (then nothing falls due). */
  reviewEvery: string | null;
  owners: OwnerReviews[];
}

export function renderReviewJson(r: ReviewList): string {
  const owners = r.owners.map((o) => ({
    owner: o.owner,
    reviews: o.reviews.map((x) => ({
      identity: x.identity,
      file: x.file,
      team: x.team,
      lastReviewed: x.lastReviewed,
      reviewer: x.reviewer,
      due: x.due,
      state: x.state,
    })),
  }));
  return jsonDocument({ now: r.now, within: r.within, reviewEvery: r.reviewEvery, owners });
}

function line(x: ReviewDue): string {
  const when =
    x.state === 'never-reviewed'
      ? 'never reviewed'
      : `${x.state === 'overdue' ? 'OVERDUE since' : 'due'} ${x.due}, last reviewed ${x.lastReviewed} by ` +
        terminalSafe(x.reviewer ?? '');
  return `  ${terminalSafe(x.identity).padEnd(28)} ${when}  (${terminalSafe(x.file)})`;
}

export function renderReviewText(r: ReviewList): string {
  if (r.reviewEvery === null) return 'org.yaml sets no limits.reviewEvery: no access review falls due.\n';
  const lines: string[] = [];
  for (const o of r.owners) lines.push(terminalSafe(o.owner), ...o.reviews.map(line), '');
  const all = r.owners.flatMap((o) => o.reviews);
  const overdue = all.filter((x) => x.state === 'overdue').length;
  const never = all.filter((x) => x.state === 'never-reviewed').length;
  const counts = [`${overdue} overdue`, ...(never ? [`${never} never reviewed`] : [])].join(', ');
  lines.push(
    all.length === 0
      ? `No access review falls due within ${r.within} (reviews every ${r.reviewEvery}).`
      : `${all.length} access ${all.length === 1 ? 'review' : 'reviews'} due within ${r.within} (${counts}) ` +
          `for ${r.owners.length} ${r.owners.length === 1 ? 'owner' : 'owners'}. After reviewing, record it: ` +
          `idac review attest NAME --reviewer EMAIL`,
  );
  return `${lines.join('\n')}\n`;
}

export interface Attestation {
  identity: string;
  file: string;
  lastReviewed: string;
  reviewer: string;
  diff: string;
}

export function renderAttestationJson(a: Attestation): string {
  return jsonDocument({
    identity: a.identity,
    file: a.file,
    lastReviewed: a.lastReviewed,
    reviewer: a.reviewer,
    diff: a.diff,
  });
}
