// A Vault-federated identity to vary field by field: the AWS fixture role (account 123456789012,
// team payments, so auth: aws has a role to bind) with the given Vault access and no Kubernetes.

import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { role } from './aws-fixture.js';

export type VaultAccess = NonNullable<MachineIdentity['spec']['access']['vault']>;

/** `name` with one read path (kv/data/payments/<name>/*) plus `vault`; `patch` overrides spec fields. */
export function vaultIdentity(
  name: string,
  vault: VaultAccess,
  patch: Partial<MachineIdentity['spec']> = {},
): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: {
      ...base.spec,
      access: {
        aws: base.spec.access.aws!,
        vault: { paths: [{ path: `kv/data/payments/${name}/*`, capabilities: ['read'] }], ...vault },
      },
      ...patch,
    },
  };
}
