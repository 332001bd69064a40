// Access keys idac does not manage. idac creates one key per live credential generation of a
// user it declares (src/compile/rotation.ts) and never adopts one it did not create: every key of
// a user no manifest declares, every key older than the import of an imported user, and every key
// beyond the generations idac keeps is someone else's, and stays a static credential nobody rotates
// until a person deletes it (once idac has delivered its own generation).

import { generations } from '../../../compile/rotation.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import type { AccessKeyRecord } from '../types.js';
import type { UnmanagedKey } from './types.js';

export interface KeyOwner {
  data: MachineIdentity;
  file: string;
}

/**
 * The unmanaged keys of one user. `owner`: the manifest that declares the user (null: none does, or
 * it is decommissioned, so idac keeps no key of it).
 */
export function unmanagedKeysOf(
  user: string,
  keys: readonly AccessKeyRecord[],
  owner: KeyOwner | null,
  now: number,
): UnmanagedKey[] {
  const entry = (k: AccessKeyRecord, reason: string): UnmanagedKey => ({
    target: 'aws',
    id: user,
    ...(owner ? { identity: owner.data.metadata.name, file: owner.file } : {}),
    keyId: k.keyId,
    status: k.status,
    ...(k.created !== undefined ? { created: k.created } : {}),
    ...(k.lastUsed !== undefined ? { lastUsed: k.lastUsed } : {}),
    reason,
  });
  if (owner === null || (owner.data.spec.status ?? 'active') === 'decommissioned')
    return keys.map((k) =>
      entry(k, owner === null ? 'no manifest declares this user' : 'the manifest decommissions this user'),
    );
  const out: UnmanagedKey[] = [];
  const at = owner.data.metadata.importedFrom?.target === 'aws' ? owner.data.metadata.importedFrom.at : undefined;
  const candidates: AccessKeyRecord[] = [];
  for (const k of keys) {
    // A key made before the day of the import existed before idac: never adopted.
    if (at !== undefined && k.created !== undefined && k.created.slice(0, 10) < at)
      out.push(entry(k, `created before the import (${at}): idac never adopts an existing key`));
    else candidates.push(k);
  }
  // idac's keys are the newest: a generation's key is created when it is issued.
  const kept = generations(owner.data, now).live.length;
  const newestFirst = [...candidates].sort((a, b) => cmp(b.created ?? '', a.created ?? '') || cmp(a.keyId, b.keyId));
  for (const k of newestFirst.slice(kept))
    out.push(
      entry(k, `beyond the ${kept} key${kept === 1 ? '' : 's'} idac keeps for this user (its live generations)`),
    );
  return out;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
