// What falls due within the window after `now`: credential rotations, expiry, the next access
// review and the point from which a full-length certificate would outlive the identity. Overdue
// items are listed too (their time is in the past): a reviewer should see them in the same place.

import { generations, staticCredentialKinds } from '../compile/rotation.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OrgModel } from '../model/org.js';
import { expiryOf, formatDuration, isoInstant, parseDate, parseDuration } from '../common/time.js';
import { cmp } from '../common/findings.js';
import type { Due } from './types.js';

export function dueItems(data: MachineIdentity, org: OrgModel | null, now: number, window: number): Due[] {
  const status = data.spec.status ?? 'active';
  if (status === 'decommissioned') return [];
  const name = data.metadata.name;
  const until = now + window;
  const out: Due[] = [];
  const add = (kind: Due['kind'], at: number, detail: string): void => {
    if (at <= until) out.push({ identity: name, kind, at: isoInstant(at), detail });
  };

  if (status === 'active') {
    const g = generations(data, now);
    for (const kind of staticCredentialKinds(data)) {
      if (g.nextRotation === null) continue;
      const overlap = data.spec.rotation?.overlap;
      add(
        'rotation',
        g.nextRotation,
        `${kind} generation ${g.current + 1} replaces ${g.current}` +
          (overlap ? `; the old one stays valid for ${overlap}` : ''),
      );
    }
  }

  const expiry = expiryOf(data.spec.expires)?.at ?? null;
  if (expiry !== null) add('expiry', expiry, `expires ${data.spec.expires}: extend it or decommission the identity`);

  const every = org?.spec.limits?.reviewEvery === undefined ? null : parseDuration(org.spec.limits.reviewEvery);
  if (every !== null) {
    const last = data.spec.review ? parseDate(data.spec.review.lastReviewed) : null;
    if (last === null) add('review', now, `never reviewed (reviews every ${org!.spec.limits!.reviewEvery})`);
    else
      add(
        'review',
        last + every,
        `last reviewed ${data.spec.review!.lastReviewed} (reviews every ${org!.spec.limits!.reviewEvery})`,
      );
  }

  if (expiry !== null) {
    for (const c of data.spec.access.vault?.certificates ?? []) {
      const ttl = parseDuration(c.ttl);
      if (ttl === null) continue;
      add(
        'certificate',
        expiry - ttl,
        `a ${formatDuration(ttl)} certificate from ${c.mount} issued after this outlives the identity's ` +
          `expiry; renewals end at ${data.spec.expires}`,
      );
    }
  }
  return out;
}

export function compareDue(a: Due, b: Due): number {
  return cmp(a.at, b.at) || cmp(a.identity, b.identity) || cmp(a.kind, b.kind) || cmp(a.detail, b.detail);
}
