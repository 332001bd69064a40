// Names the Kubernetes reader, import and drift agree on: the cloud id of a service account, and the
// one order RBAC rules are kept in, so a manifest and the cluster it was applied to compare equal
// whatever order either side wrote its lists in.

import { activeElevations, statusOf } from '../../../compile/common.js';
import type { K8SRules, MachineIdentity } from '../../../manifest/machine-identity.generated.js';

export type KubernetesRule = K8SRules[number];

/** Namespaces whose service accounts belong to the cluster itself: never imported, never orphans. */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-node-lease', 'kube-public', 'kube-system'];

/** The cloud id of a service account: `k8s:<cluster>/<namespace>/<serviceaccount>`. */
export function kubernetesId(cluster: string, namespace: string, serviceAccount: string): string {
  return `k8s:${cluster}/${namespace}/${serviceAccount}`;
}

/** The parts of a `k8s:` cloud id, or null for any other id. */
export function parseKubernetesId(id: string): { cluster: string; namespace: string; serviceAccount: string } | null {
  const m = /^k8s:([^/]+)\/([^/]+)\/([^/]+)$/.exec(id);
  return m ? { cluster: m[1]!, namespace: m[2]!, serviceAccount: m[3]! } : null;
}

/** The cloud id of the service account a manifest declares (SPEC §2: serviceAccount defaults to metadata.name). */
export function kubernetesIdOf(data: MachineIdentity): string | null {
  const k8s = data.spec.access.kubernetes;
  if (!k8s) return null;
  return kubernetesId(k8s.cluster, k8s.namespace, k8s.serviceAccount ?? data.metadata.name);
}

/**
 * The rules the manifest's service account holds in the cluster once applied, in canonical form: what
 * the Kubernetes reader reads back for it. Its own rules and those of every elevation in force at
 * `now`; none while suspended (the RoleBindings are removed, the Roles kept). Null when the manifest
 * expects no service account at all (no Kubernetes access, or decommissioned). Drift compares this
 * with the estate's `access.kubernetes.rules ?? []`.
 */
export function appliedKubernetesRules(data: MachineIdentity, now: number): KubernetesRule[] | null {
  const k8s = data.spec.access.kubernetes;
  const status = statusOf(data);
  if (!k8s || status === 'decommissioned') return null;
  if (status === 'suspended') return [];
  const elevated = activeElevations(data, now).flatMap(({ elevation }) => elevation.access.kubernetes?.rules ?? []);
  return canonicalRules([...(k8s.rules ?? []), ...elevated]);
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (list: readonly string[]): string[] => [...new Set(list)].sort(byCodePoint);

/**
 * Rules in their one canonical form: every list sorted and without repeats, identical rules once, the
 * rules ordered by their text. Order means nothing to RBAC (a request is allowed when any rule allows
 * it), so this changes no access; it only lets two spellings of the same rules compare equal.
 */
export function canonicalRules(rules: readonly KubernetesRule[]): KubernetesRule[] {
  const byKey = new Map<string, KubernetesRule>();
  for (const rule of rules) {
    const canonical: KubernetesRule = {
      apiGroups: sortedUnique(rule.apiGroups),
      resources: sortedUnique(rule.resources),
      ...(rule.resourceNames === undefined ? {} : { resourceNames: sortedUnique(rule.resourceNames) }),
      verbs: sortedUnique(rule.verbs),
    };
    byKey.set(ruleKey(canonical), canonical);
  }
  return [...byKey.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([, rule]) => rule);
}

/** A rule's identity for sorting and de-duplication (its lists in field order). */
export function ruleKey(rule: KubernetesRule): string {
  return JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null, rule.verbs]);
}
