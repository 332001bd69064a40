// Which live object each manifest is: the cloud id compile gives it (or the one `idac import`
// recorded), in the same id forms the estate readers use, so drift is a lookup, never a guess.

import { awsPrincipal } from '../../../access/aws-principal.js';
import { serviceAccountName } from '../../../compile/kubernetes.js';
import { approleMount, kubernetesAuthMount } from '../../../compile/vault.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import type { Organization } from '../../../manifest/organization.generated.js';
import type { EstateTarget } from '../types.js';

/**
 * The logins a Vault dump holds roles of (Kubernetes, AppRole and JWT/OIDC auth roles): an aws or
 * cert login is not in it, so drift neither finds nor misses one.
 */
export const VAULT_ROLE_METHODS = ['kubernetes', 'approle', 'jwt'] as const;
/** Every Vault estate covers every Vault identity: one Vault per dump. */
export const VAULT_SCOPE = '';

export interface Expected {
  target: EstateTarget;
  id: string;
  /** What an estate must cover for the object to count: the AWS account, the cluster; '' for Vault (one per dump). */
  scope: string;
}

/** The Kubernetes id of a service account. */
export function kubernetesId(cluster: string, namespace: string, name: string): string {
  return `k8s:${cluster}/${namespace}/${name}`;
}

/** The Vault id of an auth role (the mount without a trailing slash). */
export function vaultRoleId(mount: string, role: string): string {
  return `vault:auth/${mount.replace(/\/+$/, '')}/role/${role}`;
}

/**
 * The live objects a manifest declares, one per target it has access in. An imported identity is
 * matched by the id it was imported from for that target (its live name may not be an idac name).
 * Vault: the Kubernetes, AppRole or JWT role compile makes, none where compile makes none (a
 * Kubernetes login without spec.access.kubernetes, a jwt login without its block).
 */
export function expectedObjects(data: MachineIdentity, org: Pick<Organization, 'spec'> | null): Expected[] {
  const imported = data.metadata.importedFrom;
  const out: Expected[] = [];
  const access = data.spec.access;
  const aws = awsPrincipal(data);
  if (aws) out.push({ target: 'aws', id: imported?.target === 'aws' ? imported.id : aws.arn, scope: aws.account });
  const k8s = access.kubernetes;
  if (k8s) {
    const id = kubernetesId(k8s.cluster, k8s.namespace, serviceAccountName(data));
    out.push({ target: 'kubernetes', id: imported?.target === 'kubernetes' ? imported.id : id, scope: k8s.cluster });
  }
  const mount = vaultMount(data, org);
  const auth = access.vault?.auth;
  if (imported?.target === 'vault') out.push({ target: 'vault', id: imported.id, scope: VAULT_SCOPE });
  else if (mount !== null && auth !== undefined && (VAULT_ROLE_METHODS as readonly string[]).includes(auth))
    out.push({ target: 'vault', id: vaultRoleId(mount, data.metadata.name), scope: VAULT_SCOPE });
  return out;
}

/** The auth mount compile puts the identity's Vault role under, or null when it makes no role. */
function vaultMount(data: MachineIdentity, org: Pick<Organization, 'spec'> | null): string | null {
  const vault = data.spec.access.vault;
  if (!vault) return null;
  switch (vault.auth) {
    case 'kubernetes': {
      const k8s = data.spec.access.kubernetes;
      return k8s ? kubernetesAuthMount(org, k8s.cluster) : null;
    }
    case 'approle':
      return approleMount(org);
    case 'jwt':
      return vault.jwt?.mount ?? null;
    default:
      return null;
  }
}
