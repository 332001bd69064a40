import { describeHit, kubernetesGrants, oncePerPath, reachesAny } from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  hostPath: "{{grant}} lets the identity create hostPath volumes and so mount the node's filesystem",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-persistent-volume-create',
    severity: 'error',
    title: 'Kubernetes grant creates persistent volumes',
    rationale:
      'A PersistentVolume can point at a hostPath on the node: whoever creates one and can claim it mounts ' +
      "the node's filesystem, kubelet credentials and other pods' data included.",
    fix:
      'Remove create on persistentvolumes; request storage with a PersistentVolumeClaim against a ' +
      'StorageClass instead.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      // create cannot be limited by name: with resourceNames it matches no request.
      if (g.resourceName !== null) continue;
      const hit = reachesAny(g, '', ['persistentvolumes'], ['create']);
      if (hit) out.push({ path: g.path, messageId: 'hostPath', data: { grant: describeHit(g, hit) } });
    }
    return oncePerPath(out);
  },
});
