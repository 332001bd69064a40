// Access reviews falling due, grouped by the owner who has to arrange them: the review dates come
// from plan's due logic (org.yaml limits.reviewEvery after spec.review.lastReviewed), and "overdue"
// means what lifecycle/review-overdue means — past the due day, in whole UTC days.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { lower, type OrgModel } from '../../model/org.js';
import { dueItems } from '../../plan/due.js';
import { cmp } from '../../common/findings.js';
import { DAY_MS, isoDate } from '../../common/time.js';

export type ReviewState = 'overdue' | 'never-reviewed' | 'due';

export interface ReviewDue {
  identity: string;
  file: string;
  team: string;
  lastReviewed: string | null;
  reviewer: string | null;
  /** YYYY-MM-DD: the last day the review is still on time (today when none was ever recorded). */
  due: string;
  state: ReviewState;
}

export interface OwnerReviews {
  /** Lower-cased: one group per person however the manifests spell the address. */
  owner: string;
  reviews: ReviewDue[];
}

export function reviewsDue(
  identities: readonly { file: string; data: MachineIdentity }[],
  org: OrgModel | null,
  now: number,
  window: number,
  owner?: string,
): OwnerReviews[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const groups = new Map<string, { at: string; review: ReviewDue }[]>();
  for (const { file, data } of identities) {
    const who = lower(data.spec.stewardship.owner ?? '');
    if (owner !== undefined && who !== lower(owner)) continue;
    for (const d of dueItems(data, org, now, window)) {
      if (d.kind !== 'review') continue;
      const review = data.spec.review ?? null;
      const day = Math.floor(Date.parse(d.at) / DAY_MS) * DAY_MS;
      const state: ReviewState = review === null ? 'never-reviewed' : day < today ? 'overdue' : 'due';
      const entry = {
        identity: data.metadata.name,
        file,
        team: data.spec.stewardship.team,
        lastReviewed: review?.lastReviewed ?? null,
        reviewer: review?.reviewer ?? null,
        due: isoDate(day),
        state,
      };
      groups.set(who, [...(groups.get(who) ?? []), { at: d.at, review: entry }]);
    }
  }
  return [...groups.keys()].sort().map((o) => ({
    owner: o,
    reviews: groups
      .get(o)!
      .sort((a, b) => cmp(a.at, b.at) || cmp(a.review.identity, b.review.identity) || cmp(a.review.file, b.review.file))
      .map((x) => x.review),
  }));
}
