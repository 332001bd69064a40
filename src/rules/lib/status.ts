import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';

export const isTombstone = (d: MachineIdentity): boolean => d.spec.status === 'decommissioned';
