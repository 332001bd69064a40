import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  POD_CREATORS,
  reachesAny,
} from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  changeWorkloads:
    '{{grant}} in {{where}} without resourceNames can change what every such workload of the namespace runs ' +
    '(its image; for a controller the whole pod template, service account and secrets included)',
  changePrivilegedWorkloads:
    '{{grant}} in the privileged namespace {{where}} without resourceNames can run any image under the ' +
    "namespace's admin-equivalent service accounts (a controller's pod template can even switch to another one)",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-workload-update',
    severity: 'warning',
    title: 'Kubernetes grant rewrites every workload of the namespace',
    rationale:
      'update or patch on a pod-creating workload can change its pod template: the image, the service ' +
      'account and the mounted secrets. On the workloads a pipeline deploys that is the job; on every ' +
      'workload of the namespace it is workload creation by another name. In a privileged namespace ' +
      '(kube-system, or one org.yaml lists under privilegedNamespaces) the service accounts there are ' +
      'admin-equivalent, so the same grant is an error (rbac-police modify_pods and assign_sa).',
    fix:
      'Name the workloads this identity rolls out in resourceNames (as in `resources: [deployments], ' +
      'resourceNames: [shop], verbs: [get, patch]`).',
    owasp: ['NHI5'],
  },
  messages,
  severities: { changePrivilegedWorkloads: 'error' },
  check({ access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      // Named workloads are the intended use; verbs "*" already fails k8s/no-workload-creation.
      if (g.resourceName !== null || (g.verb !== 'update' && g.verb !== 'patch')) continue;
      for (const { group, resources } of POD_CREATORS) {
        const hit = reachesAny(g, group, resources, [g.verb]);
        if (!hit) continue;
        out.push({
          path: g.path,
          messageId: isPrivilegedNamespace(ctx.org, g.cluster, g.namespace)
            ? 'changePrivilegedWorkloads'
            : 'changeWorkloads',
          data: { grant: describeHit(g, hit), where: placeOf(g) },
        });
        break;
      }
    }
    return oncePerPath(out);
  },
});
