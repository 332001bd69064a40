// Static credentials (SPEC.md §2): secrets idac issues and must rotate, as opposed to federated
// access (roles, Kubernetes service-account binding) that has no long-lived secret.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';

/** The keys of org.yaml limits.rotation. */
export type CredentialKind = 'aws-access-key' | 'vault-secret-id';

export function staticCredentials(d: MachineIdentity): CredentialKind[] {
  const out: CredentialKind[] = [];
  if (d.spec.access.aws?.principal === 'user') out.push('aws-access-key');
  if (d.spec.access.vault?.auth === 'approle') out.push('vault-secret-id');
  return out;
}
