import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  reachesAny,
  resourcePath,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const ANY = ['create', 'delete', 'get', 'patch', 'update'];

const messages = {
  nodeProxy: '{{grant}} gives command execution in every pod of a node through the kubelet API, unaudited',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-node-proxy',
    severity: 'error',
    title: 'Kubernetes grant reaches the kubelet through nodes/proxy',
    rationale:
      'nodes/proxy passes requests to the kubelet API of a node, which runs commands in every pod on that ' +
      "node; even get is enough (websocket upgrades), and those requests bypass the API server's audit log " +
      'and admission control.',
    fix:
      'Remove nodes/proxy. Metrics and logs have their own subresources (nodes/metrics, nodes/stats, ' +
      'nodes/log) and are granted to monitoring agents through a ClusterRole outside idac.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['nodes/proxy'], ANY);
      const source = hit && sourceRule(data, g);
      if (hit && source)
        out.push({ path: resourcePath(source, g), messageId: 'nodeProxy', data: { grant: describeHit(g, hit) } });
    }
    return oncePerPath(out);
  },
});
