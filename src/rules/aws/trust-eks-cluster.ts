import { trustItems } from '../../access/trust.js';
import { roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  notEks:
    'cluster {{cluster}} declares no eks: { account, region, name } in org.yaml targets.kubernetes, so no ' +
    'Pod Identity association can be made on it',
  otherAccount:
    'cluster {{cluster}} runs in account {{clusterAccount}} but the role is in {{account}}; an EKS Pod ' +
    "Identity association takes a role of the cluster's own account",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-eks-cluster',
    severity: 'error',
    title: 'EKS Pod Identity trust on a cluster that is not a declared EKS cluster of the account',
    rationale:
      "An EKS Pod Identity association is made through the EKS API of the cluster's account and region, " +
      "under the cluster's EKS name, all of which org.yaml declares under targets.kubernetes.<cluster>.eks. " +
      'Without it the association cannot be applied; and the association only accepts a role of the ' +
      "cluster's own account (reaching another account needs role chaining, which idac does not compile).",
    fix:
      "Declare eks: { account, region, name } for the cluster in identities/org.yaml, and keep the identity's " +
      'role in that account (or use trust.kubernetes, IRSA, which works across accounts through the OIDC provider).',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { org }) {
    const role = roleTrust(data);
    if (!role || !org) return [];
    const clusters = org.spec.targets?.kubernetes ?? {};
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'eksPodIdentity')) {
      // An undeclared cluster is target/kubernetes-cluster's finding.
      if (!Object.hasOwn(clusters, item.cluster)) continue;
      const eks = clusters[item.cluster]?.eks;
      if (!eks) out.push({ path: [...path, 'cluster'], messageId: 'notEks', data: { cluster: item.cluster } });
      else if (eks.account !== role.account)
        out.push({
          path: [...path, 'cluster'],
          messageId: 'otherAccount',
          data: { cluster: item.cluster, clusterAccount: eks.account, account: role.account },
        });
    }
    return out;
  },
});
