import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny, resourcePath, sourceRule } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

// The verbs that act: exec, attach and portforward upgrade a GET (websocket) or POST to a stream;
// get on pods/ephemeralcontainers only reads, patch and update add a container.
const INTO_PODS: readonly { resource: string; verbs: readonly string[]; effect: string }[] = [
  { resource: 'pods/exec', verbs: ['create', 'get'], effect: 'runs commands inside any pod of the namespace, as its service account' },
  { resource: 'pods/attach', verbs: ['create', 'get'], effect: 'attaches to the running processes of any pod of the namespace' },
  { resource: 'pods/ephemeralcontainers', verbs: ['patch', 'update'], effect: 'adds a debug container with any image to any pod of the namespace, sharing its secrets and service account' },
  { resource: 'pods/portforward', verbs: ['create', 'get'], effect: 'opens a tunnel to any port of any pod of the namespace, past its NetworkPolicies' },
  { resource: 'pods/proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], effect: 'sends HTTP requests to any port of any pod of the namespace, past its NetworkPolicies' },
];

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-exec',
    severity: 'error',
    title: 'Kubernetes grant runs code in or reaches into existing pods',
    rationale: 'pods/exec and pods/attach run commands in a pod with its service account, secrets and volumes; pods/ephemeralcontainers adds a container with any image to it; pods/portforward and pods/proxy reach its ports from the API server, past NetworkPolicies. Each turns one identity into every workload of the namespace.',
    fix: 'Remove pods/exec, pods/attach, pods/ephemeralcontainers, pods/portforward and pods/proxy; debugging by a person goes through a time-bound elevation on a human account, not a machine identity.',
    owasp: ['NHI5'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      for (const t of INTO_PODS) {
        const hit = reachesAny(g, '', [t.resource], t.verbs);
        const source = hit && sourceRule(data, g);
        if (!hit || !source) continue;
        out.push({ path: resourcePath(source, g), message: `${describeHit(g, hit)} in ${placeOf(g)} ${t.effect}` });
        break;
      }
    }
    return oncePerPath(out);
  },
});
