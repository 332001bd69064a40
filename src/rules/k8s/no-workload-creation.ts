import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  POD_CREATORS,
  reachesAny,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  runAnyImage: '{{grant}} in {{where}} can run any image as any service account of the namespace, mounting its secrets',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-workload-creation',
    severity: 'error',
    title: 'Kubernetes grant creates pods or pod-creating workloads',
    rationale:
      'Whoever can create a pod, or a Deployment, Job, CronJob, StatefulSet, DaemonSet, ReplicaSet or ' +
      'ReplicationController that creates one, can run any image as any service account of the namespace and ' +
      'mount every secret, config map and volume there; with a privileged pod that reaches the node.',
    fix:
      'Let a deployment pipeline own workload creation and give this identity only what it needs afterwards ' +
      '(for example get and patch on the named deployments it rolls out); if it must create workloads, record ' +
      'an exception in org.yaml and enforce Pod Security "restricted" on the namespace.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      // create cannot be limited by name: a create grant with resourceNames matches no request.
      if (g.resourceName !== null) continue;
      for (const { group, resources } of POD_CREATORS) {
        const hit = reachesAny(g, group, resources, ['create']);
        if (!hit) continue;
        out.push({ path: g.path, messageId: 'runAnyImage', data: { grant: describeHit(g, hit), where: placeOf(g) } });
        break;
      }
    }
    return oncePerPath(out);
  },
});
