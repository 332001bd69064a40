import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const WRITE = ['patch', 'update'];

const messages = {
  serviceStatus:
    '{{grant}} in {{where}} can set status.loadBalancer.ingress of a service to any IP and take over the ' +
    "cluster's traffic to that address (CVE-2020-8554, unfixed)",
  podStatus:
    '{{grant}} in {{where}} can rewrite what the cluster believes about its pods (readiness, IPs), steering ' +
    'service traffic to a pod of its choice or out of the rotation',
  podStatusPrivileged:
    '{{grant}} in the privileged namespace {{where}} can rewrite the status of its system pods (readiness, ' +
    'IPs): service traffic for them goes where it says, and controllers replace pods it marks failed',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-status-write',
    severity: 'error',
    title: 'Kubernetes grant writes pod or service status',
    rationale:
      'Status subresources are written by controllers and the kubelet, and the cluster acts on them. A ' +
      "service's status.loadBalancer.ingress IP is routed by kube-proxy on every node, so writing it " +
      'intercepts traffic to any IP (CVE-2020-8554; rbac-police modify_service_status_cve_2020_8554). A ' +
      "pod's status decides which endpoints a service sends to (rbac-police modify_pod_status, rated low: a " +
      'warning, but an error in a privileged namespace, where steal_pods uses it against system pods).',
    fix:
      'Leave status to the controllers that own it: drop update and patch on services/status and ' +
      'pods/status (and "*/status"). An identity that truly is such a controller needs an exception in org.yaml.',
    owasp: ['NHI5'],
  },
  messages,
  severities: { podStatus: 'warning' },
  check({ access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const where = placeOf(g);
      // A name narrows nothing that matters here: one service's status is enough for the interception.
      const service = reachesAny(g, '', ['services/status'], WRITE);
      if (service)
        out.push({ path: g.path, messageId: 'serviceStatus', data: { grant: describeHit(g, service), where } });
      const pod = reachesAny(g, '', ['pods/status'], WRITE);
      if (pod)
        out.push({
          path: g.path,
          messageId: isPrivilegedNamespace(ctx.org, g.cluster, g.namespace) ? 'podStatusPrivileged' : 'podStatus',
          data: { grant: describeHit(g, pod), where },
        });
    }
    return oncePerPath(out);
  },
});
