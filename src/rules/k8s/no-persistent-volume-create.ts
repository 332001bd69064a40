import { describeHit, kubernetesGrants, oncePerPath, reachesAny } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-persistent-volume-create',
    severity: 'error',
    title: 'Kubernetes grant creates persistent volumes',
    rationale: 'A PersistentVolume can point at a hostPath on the node: whoever creates one and can claim it mounts the node\'s filesystem, kubelet credentials and other pods\' data included.',
    fix: 'Remove create on persistentvolumes; request storage with a PersistentVolumeClaim against a StorageClass instead.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      // create cannot be limited by name: with resourceNames it matches no request.
      if (g.resourceName !== null) continue;
      const hit = reachesAny(g, '', ['persistentvolumes'], ['create']);
      if (hit) out.push({ path: g.path, message: `${describeHit(g, hit)} lets the identity create hostPath volumes and so mount the node's filesystem` });
    }
    return oncePerPath(out);
  },
});
