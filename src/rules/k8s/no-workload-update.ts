import { describeHit, kubernetesGrants, oncePerPath, placeOf, POD_CREATORS, reachesAny } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-workload-update',
    severity: 'warning',
    title: 'Kubernetes grant rewrites every workload of the namespace',
    rationale: 'update or patch on a pod-creating workload can change its pod template: the image, the service account and the mounted secrets. On the workloads a pipeline deploys that is the job; on every workload of the namespace it is workload creation by another name.',
    fix: 'Name the workloads this identity rolls out in resourceNames (as in `resources: [deployments], resourceNames: [shop], verbs: [get, patch]`).',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      // Named workloads are the intended use; verbs "*" already fails k8s/no-workload-creation.
      if (g.resourceName !== null || (g.verb !== 'update' && g.verb !== 'patch')) continue;
      for (const { group, resources } of POD_CREATORS) {
        const hit = reachesAny(g, group, resources, [g.verb]);
        if (!hit) continue;
        out.push({ path: g.path, message: `${describeHit(g, hit)} in ${placeOf(g)} without resourceNames can change what every such workload of the namespace runs (its image; for a controller the whole pod template, service account and secrets included)` });
        break;
      }
    }
    return oncePerPath(out);
  },
});
