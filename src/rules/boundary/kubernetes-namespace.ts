import { team } from '../../model/org.js';
import type { Path } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  serviceAccount:
    "service account namespace {{namespace}} is outside team {{team}}'s boundary (boundaries.kubernetes.namespaces)",
  roleTrust:
    "AWS role trust namespace {{namespace}} is outside team {{team}}'s boundary (boundaries.kubernetes.namespaces)",
  podIdentity:
    "EKS Pod Identity namespace {{namespace}} is outside team {{team}}'s boundary (boundaries.kubernetes.namespaces)",
  deliveredSecret:
    "delivered secret namespace {{namespace}} is outside team {{team}}'s boundary (boundaries.kubernetes.namespaces)",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'boundary/kubernetes-namespace',
    severity: 'error',
    title: 'Kubernetes namespace outside the team boundary',
    rationale:
      'Namespaces separate teams and environments inside a cluster; a service account, role trust (IRSA or ' +
      'EKS Pod Identity) or delivered secret in a namespace outside the team boundary reaches workloads the ' +
      'team does not own.',
    fix:
      "Use a <cluster>/<namespace> listed in the team's boundaries.kubernetes.namespaces, or have a security " +
      'owner extend the boundary in identities/org.yaml.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    const t = org && team(org, data.spec.stewardship.team);
    const allowed = t?.boundaries?.kubernetes?.namespaces;
    if (!allowed) return [];
    const inside = (cluster: string, namespace: string): boolean =>
      allowed.includes(`${cluster}/${namespace}`) || allowed.includes(`${cluster}/*`);
    const { access, delivery } = data.spec;
    const places: { cluster: string; namespace: string; path: Path; what: keyof typeof messages }[] = [];
    if (access.kubernetes)
      places.push({
        ...access.kubernetes,
        path: ['spec', 'access', 'kubernetes', 'namespace'],
        what: 'serviceAccount',
      });
    const trust = access.aws?.trust?.kubernetes;
    if (trust)
      places.push({ ...trust, path: ['spec', 'access', 'aws', 'trust', 'kubernetes', 'namespace'], what: 'roleTrust' });
    for (const { item, path } of trustItems(access.aws?.trust, 'eksPodIdentity'))
      places.push({ ...item, path: [...path, 'namespace'], what: 'podIdentity' });
    // A delivered secret lands in the identity's own cluster; without one there is nothing to check.
    const secret = delivery?.kubernetesSecret;
    if (secret && access.kubernetes)
      places.push({
        cluster: access.kubernetes.cluster,
        namespace: secret.namespace,
        path: ['spec', 'delivery', 'kubernetesSecret', 'namespace'],
        what: 'deliveredSecret',
      });
    const out: Report<typeof messages>[] = [];
    for (const p of places) {
      if (!inside(p.cluster, p.namespace))
        out.push({
          path: p.path,
          messageId: p.what,
          data: { namespace: `${p.cluster}/${p.namespace}`, team: data.spec.stewardship.team },
        });
    }
    return out;
  },
});
