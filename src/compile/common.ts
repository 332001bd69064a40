// What every target compiler shares: logical names, the elevations in force, ownership metadata.

import { createHash } from 'node:crypto';
import { isActive } from '../access/model.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OutputName } from './provider-types.js';
import type { ArgsOf, DesiredResource, ProviderKey, TypedResource, TypeToken } from './types.js';

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
export function activeElevations(
  data: MachineIdentity,
  now: number,
): { index: number; key: string; elevation: Elevation }[] {
  if (statusOf(data) !== 'active') return [];
  return (data.spec.elevations ?? []).flatMap((elevation, index) =>
    isActive(elevation, now) ? [{ index, key: elevationKey(elevation), elevation }] : [],
  );
}

export function elevationKey(e: Pick<Elevation, 'from' | 'until' | 'reason'>): string {
  return `elevation-${createHash('sha256').update(`${e.from}\n${e.until}\n${e.reason}`).digest('hex').slice(0, 8)}`;
}

/** Who answers for the object, on every object that can carry it (AWS tags, Kubernetes labels and annotations). */
// An identity with no owner yet (imported; stewardship/owner-required is an error) carries an empty one.
export function ownership(data: MachineIdentity): { identity: string; team: string; owner: string } {
  return { identity: data.metadata.name, team: data.spec.stewardship.team, owner: data.spec.stewardship.owner ?? '' };
}

/** The labels every Kubernetes object idac creates carries (label values: names and teams fit the schema). */
export function kubernetesLabels(data: MachineIdentity): { [key: string]: string } {
  const { identity, team } = ownership(data);
  return { 'app.kubernetes.io/managed-by': 'idac', 'idac.dev/identity': identity, 'idac.dev/team': team };
}

/**
 * One resource of `data`, named `<identity>.<parts…>`. A renamed identity (metadata.renamedFrom)
 * aliases the name it had, so Pulumi keeps the live object instead of replacing it.
 */
export function resourceOf<T extends TypeToken>(
  data: MachineIdentity,
  type: T,
  parts: (string | number)[],
  provider: ProviderKey,
  inputs: ArgsOf<T>,
  extra: { secretOutputs?: OutputName<T>[]; protect?: boolean } = {},
): TypedResource<T> {
  const { identity, team } = ownership(data);
  const out: TypedResource<T> = {
    type,
    name: logicalName(identity, ...parts),
    identity,
    team,
    provider,
    inputs,
    ...extra,
  };
  const previous = data.metadata.renamedFrom;
  if (previous !== undefined && previous !== identity) out.aliases = [logicalName(previous, ...parts)];
  return out;
}

export function byName(a: DesiredResource, b: DesiredResource): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
