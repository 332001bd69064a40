// `idac drift`: the estate against git. Pure: the estates (read from exports or live APIs by the
// command), the manifests and org.yaml in, the report out. Only what an estate covers is compared
// (an AWS export is one account, a kubectl dump one cluster), so a manifest of another account is
// neither missing nor matched.

import type { IamCatalog } from '../../../access/iam-catalog.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import type { Organization } from '../../../manifest/organization.generated.js';
import type { AccessKeyRecord, Estate, EstateIdentity } from '../types.js';
import { compareDifferences, differences } from './compare.js';
import { ignoreMatcher } from './ignore.js';
import { unmanagedKeysOf, type KeyOwner } from './keys.js';
import { expectedObjects, type Expected } from './match.js';
import type { Changed, Difference, DriftEntry, DriftReport, Missing, Orphan, UnmanagedKey } from './types.js';

export interface DriftInput {
  estates: readonly Estate[];
  /** The valid manifests under identities/, with their repo-relative files. */
  identities: readonly { data: MachineIdentity; file: string }[];
  org: Pick<Organization, 'spec'> | null;
  now: number;
  /** Loaded for every service either side names (the command loads it). */
  catalog: IamCatalog;
}

export function drift(input: DriftInput): DriftReport {
  const { estates, org, now, catalog } = input;
  const live = new Map<string, EstateIdentity>();
  for (const e of estates) for (const i of e.identities) live.set(i.id, i);
  const covers = (x: Expected) =>
    estates.some((e) => e.target === x.target && (x.target === 'vault' || e.scope === x.scope));

  const changed: Changed[] = [];
  const missing: Missing[] = [];
  const declared = new Map<string, KeyOwner>();
  const userKeys = keysByUser(estates);
  for (const { data, file } of [...input.identities].sort((a, b) => cmp(a.file, b.file))) {
    const status = data.spec.status ?? 'active';
    const where = { identity: data.metadata.name, file };
    for (const x of expectedObjects(data, org)) {
      if (!covers(x) || declared.has(x.id)) continue;
      declared.set(x.id, { data, file });
      const found = live.get(x.id);
      if (status === 'decommissioned') {
        // Decommissioned expects nothing: a principal still there is what the next apply deletes.
        if (found)
          changed.push({
            target: x.target,
            id: x.id,
            ...where,
            differences: [{ field: 'status', manifest: 'decommissioned', live: 'exists' }],
          });
        continue;
      }
      if (!found) {
        missing.push({ target: x.target, id: x.id, ...where, status });
        continue;
      }
      const diffs = [
        ...differences(data, found, now, catalog),
        ...keysLeftActive({ data, file }, x.id, userKeys.get(x.id) ?? [], now),
      ].sort(compareDifferences);
      if (diffs.length > 0) changed.push({ target: x.target, id: x.id, ...where, differences: diffs });
    }
  }

  const ignored = ignoreMatcher(org?.spec.drift?.ignore ?? []);
  const orphans: Orphan[] = [];
  for (const i of live.values())
    if (!declared.has(i.id) && i.skip === undefined && !ignored(i.id, i.name))
      orphans.push({ target: i.target, id: i.id, name: i.name });

  const unmanagedKeys: UnmanagedKey[] = [];
  for (const [user, keys] of userKeys) {
    const owner = declared.get(user) ?? null;
    const name = live.get(user)?.name ?? keys[0]!.userName;
    // An ignored user is one the organisation chose to leave alone, its keys with it.
    if (owner === null && ignored(user, name)) continue;
    unmanagedKeys.push(...unmanagedKeysOf(user, keys, owner, now));
  }

  return {
    orphans: orphans.sort(compareEntries),
    unmanagedKeys: unmanagedKeys.sort((a, b) => compareEntries(a, b) || cmp(a.keyId, b.keyId)),
    changed: changed.sort(compareEntries),
    missing: missing.sort(compareEntries),
  };
}

/**
 * A suspended user's keys are deactivated, not deleted (compile/aws.ts): one of idac's keys still
 * active is a credential the suspension should have stopped. (Keys idac does not manage are listed
 * in unmanagedKeys, whatever their status.)
 */
function keysLeftActive(owner: KeyOwner, user: string, keys: readonly AccessKeyRecord[], now: number): Difference[] {
  if (owner.data.spec.status !== 'suspended' || keys.length === 0) return [];
  const unmanaged = new Set(unmanagedKeysOf(user, keys, owner, now).map((k) => k.keyId));
  return keys
    .filter((k) => k.status === 'Active' && !unmanaged.has(k.keyId))
    .map((k) => ({ field: 'aws.keys', manifest: `${k.keyId} Inactive (suspended)`, live: `${k.keyId} Active` }));
}

function keysByUser(estates: readonly Estate[]): Map<string, AccessKeyRecord[]> {
  const out = new Map<string, AccessKeyRecord[]>();
  for (const e of estates)
    for (const k of e.keys) {
      const list = out.get(k.user);
      if (list) list.push(k);
      else out.set(k.user, [k]);
    }
  return out;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareEntries(a: DriftEntry, b: DriftEntry): number {
  return cmp(a.target, b.target) || cmp(a.id, b.id);
}
