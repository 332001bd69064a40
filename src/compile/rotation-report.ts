// `idac rotation`: every static credential the repository holds, where its rotation stands at
// `now`. Pure: the caller loads the identities. "Overdue" has one meaning in a stateless model:
// the policy lets the credential live longer than org.yaml allows (or never rotate at all).

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OrgModel } from '../model/org.js';
import type { StaticCredentialKind } from './types.js';
import { isoInstant, parseDuration } from '../common/time.js';
import { generations, staticCredentialKinds } from './rotation.js';

export interface CredentialRow {
  identity: string;
  file: string;
  kind: StaticCredentialKind;
  status: 'active' | 'suspended';
  generation: number;
  /**
   * ISO-8601 UTC; null without a rotation period (the generation is not tied to the clock, so nothing says when it was
   * issued).
   */
  issued: string | null;
  /** null when the identity has no usable rotation period. */
  nextRotation: string | null;
  /**
   * Until when the previous generation stays valid; equal to `issued` without overlap. null for a
   * suspended identity (every key is Inactive: no old credential stays valid) and without a period.
   */
  overlapUntil: string | null;
  /** Whole days since the current generation was issued; null when that is unknown. */
  ageDays: number | null;
  overdue: boolean;
  /** Why it is overdue, for people. */
  reason: string | null;
}

export function rotationReport(
  identities: readonly { file: string; data: MachineIdentity }[],
  org: OrgModel | null,
  now: number,
): CredentialRow[] {
  const out: CredentialRow[] = [];
  for (const { file, data } of identities) {
    const status = data.spec.status ?? 'active';
    if (status === 'decommissioned') continue; // its credentials are deleted with it
    const g = generations(data, now);
    const period = data.spec.rotation ? parseDuration(data.spec.rotation.period) : null;
    const rotates = g.nextRotation !== null;
    for (const kind of staticCredentialKinds(data)) {
      const limitText = org?.spec.limits?.rotation?.[kind];
      const limit = limitText === undefined ? null : parseDuration(limitText);
      const reason =
        period === null || g.nextRotation === null
          ? 'no rotation period: the credential never rotates'
          : limit !== null && period > limit
            ? `rotates every ${data.spec.rotation!.period}, longer than the org limit of ${limitText}`
            : null;
      out.push({
        identity: data.metadata.name,
        file,
        kind,
        status,
        generation: g.current,
        issued: rotates ? isoInstant(g.issued) : null,
        nextRotation: g.nextRotation === null ? null : isoInstant(g.nextRotation),
        overlapUntil: rotates && status === 'active' ? isoInstant(g.overlapUntil) : null,
        ageDays: rotates ? Math.floor((now - g.issued) / 86_400_000) : null,
        overdue: reason !== null,
        reason,
      });
    }
  }
  return out.sort((a, b) =>
    a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  );
}
