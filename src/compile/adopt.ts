// What compile does for an identity made by `idac import` (metadata.importedFrom): its resources name
// the live objects it was found as, so the first apply adopts them (Pulumi's `import` option) instead
// of creating duplicates beside them or failing on a name that is taken.

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { DesiredResource } from './types.js';

export type ImportedFrom = NonNullable<MachineIdentity['metadata']['importedFrom']>;

/** metadata.importedFrom when the identity was imported from `target`, else undefined. */
export function importedFrom(data: MachineIdentity, target: ImportedFrom['target']): ImportedFrom | undefined {
  const from = data.metadata.importedFrom;
  return from?.target === target ? from : undefined;
}

/** `resource`, adopting the live object with import id `id` (none when `id` is undefined). */
export function adopting<R extends DesiredResource>(resource: R, id: string | undefined): R {
  return id === undefined ? resource : { ...resource, importId: id };
}
