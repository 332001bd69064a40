// Who can become an identity, as access: every trust entry (src/access/trust.ts) is a grant with
// target `assume`, so a new principal trusted by a role, or a new way to log into Vault, is gained
// in the plan and in `idac history` exactly as a new permission is. Pure.

import { assumeText, trustsOf } from '../access/trust.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { AccessChange, AccessPattern } from './types.js';

/** Each `… can become NAME` line once (two entries naming the same principal are one grant). */
function assumes(name: string, data: MachineIdentity | null): Map<string, string> {
  const out = new Map<string, string>();
  // trustsOf is empty for a suspended or decommissioned identity: its trusts are lost.
  for (const entry of data ? trustsOf(data) : []) out.set(assumeText(entry, name), entry.principal);
  return out;
}

/**
 * Trusts gained and lost between two sides, with one pattern each (the principal as written, on the
 * identity; count and total 1: a trust names exactly one principal, there is nothing to expand).
 */
export function diffTrust(
  name: string,
  before: MachineIdentity | null,
  after: MachineIdentity | null,
): { gained: AccessChange[]; lost: AccessChange[]; patterns: AccessPattern[] } {
  const b = assumes(name, before);
  const a = assumes(name, after);
  const gained = [...a].filter(([grant]) => !b.has(grant));
  const lost = [...b].filter(([grant]) => !a.has(grant));
  const pattern = (grant: string, principal: string, change: AccessPattern['change']): AccessPattern => ({
    identity: name,
    target: 'assume',
    pattern: principal,
    resource: name,
    count: 1,
    total: 1,
    change,
    grants: [grant],
  });
  return {
    gained: gained.map(([grant]) => ({ identity: name, target: 'assume', grant })),
    lost: lost.map(([grant]) => ({ identity: name, target: 'assume', grant })),
    patterns: [
      ...gained.map(([grant, principal]) => pattern(grant, principal, 'gained')),
      ...lost.map(([grant, principal]) => pattern(grant, principal, 'lost')),
    ],
  };
}
