// Kubernetes: the identity's ServiceAccount in its namespace, a namespaced Role with exactly the
// declared rules, and the RoleBinding that grants it. Elevations get a Role and RoleBinding of
// their own, so the scheduled apply that closes the window deletes exactly what it opened.

import { createHash } from 'node:crypto';
import { awsPrincipal } from '../access/aws-principal.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { adopting, importedFrom } from './adopt.js';
import { activeElevations, byName, kubernetesLabels, ownership, resourceOf, statusOf } from './common.js';
import type { PlainInput } from './provider-types.js';
import type { CompileContext, DesiredResource, ProviderKey } from './types.js';

type K8sRules = NonNullable<NonNullable<MachineIdentity['spec']['access']['kubernetes']>['rules']>;

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const SERVICE_ACCOUNT = 'kubernetes:core/v1:ServiceAccount';
const ROLE = `kubernetes:${RBAC_GROUP}/v1:Role`;
const ROLE_BINDING = `kubernetes:${RBAC_GROUP}/v1:RoleBinding`;

export function compileKubernetes(data: MachineIdentity, ctx: CompileContext): DesiredResource[] {
  const k8s = data.spec.access.kubernetes;
  const status = statusOf(data);
  if (!k8s || status === 'decommissioned') return [];
  const provider: ProviderKey = `kubernetes:${k8s.cluster}`;
  const serviceAccount = serviceAccountName(data);
  const account = resourceOf(data, SERVICE_ACCOUNT, ['k8s', 'service-account'], provider, {
    metadata: {
      name: serviceAccount,
      namespace: k8s.namespace,
      labels: kubernetesLabels(data),
      annotations: serviceAccountAnnotations(data),
    },
    // A pod that needs the API token opts in (its own automountServiceAccountToken: true); every
    // other pod using the account carries no credential (Kubernetes RBAC good practices).
    automountServiceAccountToken: false,
  });
  const out: DesiredResource[] = [adopting(account, adoptedServiceAccount(data, k8s.cluster, k8s.namespace))];
  const grant = (parts: string[], name: string, rules: K8sRules): void => {
    if (rules.length === 0) return;
    const role = resourceOf(data, ROLE, [...parts, 'role'], provider, {
      metadata: objectMetadata(data, name, k8s.namespace),
      rules: rules.map(ruleInput),
    });
    out.push(role);
    // Suspension removes the binding only: the Role stays, so the access it held is still on
    // record in the cluster and resuming is a one-line change (DESIGN.md, lifecycle).
    if (status !== 'active') return;
    out.push({
      ...resourceOf(data, ROLE_BINDING, [...parts, 'role-binding'], provider, {
        metadata: objectMetadata(data, name, k8s.namespace),
        roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: k8s.namespace }],
      }),
      dependsOn: [role.name, account.name],
    });
  };
  grant(['k8s'], `idac-${data.metadata.name}`, k8s.rules ?? []);
  // Elevation rules apply in the identity's own namespace (as in the effective-access model).
  for (const { key, elevation } of activeElevations(data, ctx.now)) {
    grant(['k8s', key], rbacName(`idac-${data.metadata.name}-${key}`), elevation.access.kubernetes?.rules ?? []);
  }
  return out.sort(byName);
}

/**
 * The provider's import id (`<namespace>/<name>`) of the imported service account this identity's
 * account is: only when the manifest still names that same account (k8s:<cluster>/<namespace>/<name>).
 * A manifest edited to name another account gets a new one; adopting the old one under the new name
 * would make Pulumi replace it, deleting the account its pods run as.
 */
function adoptedServiceAccount(data: MachineIdentity, cluster: string, namespace: string): string | undefined {
  const from = importedFrom(data, 'kubernetes');
  const name = serviceAccountName(data);
  return from?.id === `k8s:${cluster}/${namespace}/${name}` ? `${namespace}/${name}` : undefined;
}

/** SPEC §2: `serviceAccount` defaults to metadata.name. */
export function serviceAccountName(data: MachineIdentity): string {
  return data.spec.access.kubernetes?.serviceAccount ?? data.metadata.name;
}

/**
 * A DNS-1123 label (≤ 63 characters), which every Kubernetes tool accepts as an object name. A name
 * that does not fit keeps a readable prefix and ends in a hash of the whole name, so two long names
 * that share their first 54 characters still differ.
 */
export function rbacName(full: string): string {
  if (full.length <= 63) return full;
  const hash = createHash('sha256').update(full, 'utf8').digest('hex').slice(0, 8);
  return `${full.slice(0, 54).replace(/-+$/, '')}-${hash}`;
}

function objectMetadata(data: MachineIdentity, name: string, namespace: string): PlainInput<typeof ROLE, 'metadata'> {
  return { name, namespace, labels: kubernetesLabels(data), annotations: { 'idac.dev/owner': ownership(data).owner } };
}

/**
 * EKS injects the role's credentials into pods of a service account annotated with the role's ARN
 * (IRSA). Only the identity's own role, and only when that role trusts exactly this service
 * account: an annotation pointing at a role that does not trust the account would just fail at
 * runtime. The ARN is the one the AWS compiler gives the role (aws-principal.ts: /idac/<team>/<name>,
 * or the live name and path of an imported role).
 */
function serviceAccountAnnotations(data: MachineIdentity): { [key: string]: string } {
  const { owner } = ownership(data);
  const out: { [key: string]: string } = { 'idac.dev/owner': owner };
  const aws = data.spec.access.aws;
  const k8s = data.spec.access.kubernetes;
  const trust = aws?.trust?.kubernetes;
  if (
    aws?.principal === 'role' &&
    k8s &&
    trust &&
    trust.cluster === k8s.cluster &&
    trust.namespace === k8s.namespace &&
    trust.serviceAccount === serviceAccountName(data)
  ) {
    out['eks.amazonaws.com/role-arn'] = awsPrincipal(data)!.arn;
  }
  return out;
}

function ruleInput(rule: K8sRules[number]): PlainInput<typeof ROLE, 'rules'>[number] {
  return {
    apiGroups: [...rule.apiGroups],
    resources: [...rule.resources],
    ...(rule.resourceNames === undefined ? {} : { resourceNames: [...rule.resourceNames] }),
    verbs: [...rule.verbs],
  };
}
