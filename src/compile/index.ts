// An identity's whole desired state: every target's resources, in logical-name order.

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { compileAws } from './aws.js';
import { byName } from './common.js';
import { mergeDeliveries } from './delivery.js';
import { compileKubernetes } from './kubernetes.js';
import type { CompileContext, DesiredResource } from './types.js';
import { compileVault } from './vault.js';

export function compileIdentity(data: MachineIdentity, ctx: CompileContext): DesiredResource[] {
  // AWS keys and an AppRole secret-id delivered to the same place become one secret, not two.
  const out = mergeDeliveries([...compileAws(data, ctx), ...compileKubernetes(data, ctx), ...compileVault(data, ctx)]);
  return out.sort(byName);
}
