import type { Path } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  undeclared: 'Kubernetes cluster {{cluster}} is not declared in org.yaml targets.kubernetes',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'target/kubernetes-cluster',
    severity: 'error',
    title: 'Kubernetes cluster is not a declared target',
    rationale:
      'idac only manages the clusters org.yaml declares under targets.kubernetes; a service account, role ' +
      'trust or EKS Pod Identity association naming any other cluster could not be applied, or would reach a ' +
      'cluster nobody vetted.',
    fix:
      'Use a cluster declared in identities/org.yaml targets.kubernetes, or have a security owner declare the ' +
      'cluster there.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    if (!org) return [];
    const clusters = org.spec.targets?.kubernetes ?? {};
    const { access } = data.spec;
    const places: { cluster: string; path: Path }[] = [];
    if (access.kubernetes)
      places.push({ cluster: access.kubernetes.cluster, path: ['spec', 'access', 'kubernetes', 'cluster'] });
    const trust = access.aws?.trust?.kubernetes;
    if (trust)
      places.push({ cluster: trust.cluster, path: ['spec', 'access', 'aws', 'trust', 'kubernetes', 'cluster'] });
    for (const { item, path } of trustItems(access.aws?.trust, 'eksPodIdentity'))
      places.push({ cluster: item.cluster, path: [...path, 'cluster'] });
    const out: Report<typeof messages>[] = [];
    for (const p of places) {
      if (!Object.hasOwn(clusters, p.cluster))
        out.push({ path: p.path, messageId: 'undeclared', data: { cluster: p.cluster } });
    }
    return out;
  },
});
