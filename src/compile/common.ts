// What every target compiler shares: logical names, the elevations in force, ownership metadata.

import { createHash } from 'node:crypto';
import { isActive } from '../access/model.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';

export type Elevation = NonNullable<MachineIdentity['spec']['elevations']>[number];
export type Status = 'active' | 'suspended' | 'decommissioned';

/** `<identity>.<part>.<part>`: unique in the team's stack because identity names are unique. */
export function logicalName(identity: string, ...parts: (string | number)[]): string {
  return [identity, ...parts].join('.');
}

export function statusOf(data: MachineIdentity): Status {
  return data.spec.status ?? 'active';
}

/**
 * Elevations in force at `now`, with a key that survives reordering the list (a hash of the window
 * and reason), so adding an elevation never renames the resources of another.
 */
export function activeElevations(data: MachineIdentity, now: number): { index: number; key: string; elevation: Elevation }[] {
  if (statusOf(data) !== 'active') return [];
  return (data.spec.elevations ?? []).flatMap((elevation, index) => (isActive(elevation, now) ? [{ index, key: elevationKey(elevation), elevation }] : []));
}

export function elevationKey(e: Pick<Elevation, 'from' | 'until' | 'reason'>): string {
  return `elevation-${createHash('sha256').update(`${e.from}\n${e.until}\n${e.reason}`).digest('hex').slice(0, 8)}`;
}

/** Who answers for the object, on every object that can carry it (AWS tags, Kubernetes labels and annotations). */
export function ownership(data: MachineIdentity): { identity: string; team: string; owner: string } {
  return { identity: data.metadata.name, team: data.spec.stewardship.team, owner: data.spec.stewardship.owner };
}
