import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  reachesAny,
  resourcePath,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  exec: '{{grant}} in {{where}} runs commands inside any pod of the namespace, as its service account',
  attach: '{{grant}} in {{where}} attaches to the running processes of any pod of the namespace',
  ephemeralContainers:
    '{{grant}} in {{where}} adds a debug container with any image to any pod of the namespace, sharing its ' +
    'secrets and service account',
  portForward:
    '{{grant}} in {{where}} opens a tunnel to any port of any pod of the namespace, past its NetworkPolicies',
  proxy: '{{grant}} in {{where}} sends HTTP requests to any port of any pod of the namespace, past its NetworkPolicies',
} as const;

// The verbs that act: exec, attach and portforward upgrade a GET (websocket) or POST to a stream;
// get on pods/ephemeralcontainers only reads, patch and update add a container.
const INTO_PODS: readonly { resource: string; verbs: readonly string[]; messageId: keyof typeof messages }[] = [
  { resource: 'pods/exec', verbs: ['create', 'get'], messageId: 'exec' },
  { resource: 'pods/attach', verbs: ['create', 'get'], messageId: 'attach' },
  { resource: 'pods/ephemeralcontainers', verbs: ['patch', 'update'], messageId: 'ephemeralContainers' },
  { resource: 'pods/portforward', verbs: ['create', 'get'], messageId: 'portForward' },
  { resource: 'pods/proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], messageId: 'proxy' },
];

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-exec',
    severity: 'error',
    title: 'Kubernetes grant runs code in or reaches into existing pods',
    rationale:
      'pods/exec and pods/attach run commands in a pod with its service account, secrets and volumes; ' +
      'pods/ephemeralcontainers adds a container with any image to it; pods/portforward and pods/proxy reach ' +
      'its ports from the API server, past NetworkPolicies. Each turns one identity into every workload of ' +
      'the namespace.',
    fix:
      'Remove pods/exec, pods/attach, pods/ephemeralcontainers, pods/portforward and pods/proxy; debugging by ' +
      'a person goes through a time-bound elevation on a human account, not a machine identity.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      for (const t of INTO_PODS) {
        const hit = reachesAny(g, '', [t.resource], t.verbs);
        const source = hit && sourceRule(data, g);
        if (!hit || !source) continue;
        out.push({
          path: resourcePath(source, g),
          messageId: t.messageId,
          data: { grant: describeHit(g, hit), where: placeOf(g) },
        });
        break;
      }
    }
    return oncePerPath(out);
  },
});
