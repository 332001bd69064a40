import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  reachesAny,
  type RbacTriple,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const GROUP = 'certificates.k8s.io';

function hitOf(g: RbacTriple): { resource: string; verb: string } | null {
  return (
    reachesAny(g, GROUP, ['certificatesigningrequests/approval'], ['update', 'patch']) ??
    reachesAny(g, GROUP, ['signers'], ['approve'])
  );
}

const messages = {
  approve:
    '{{grant}} lets the identity approve certificate requests, and so mint client certificates for any user or group',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-csr-approval',
    severity: 'error',
    title: 'Kubernetes grant approves certificate signing requests',
    rationale:
      'Approving CertificateSigningRequests (update on certificatesigningrequests/approval plus approve on ' +
      'a signer) lets an identity have the cluster sign client certificates with any user and group name, ' +
      'system:masters included; such certificates cannot be revoked.',
    fix:
      "Remove the approval grants; CSR approval belongs to the cluster's own approver controller or a " +
      'reviewed, cluster-scoped component managed outside idac.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = hitOf(g);
      if (hit) out.push({ path: g.path, messageId: 'approve', data: { grant: describeHit(g, hit) } });
    }
    return oncePerPath(out);
  },
});
