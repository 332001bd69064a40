import { show } from '../../common/findings.js';
import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny, sourceRule } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-token-request',
    severity: 'error',
    title: 'Kubernetes grant mints service account tokens',
    rationale: 'create on serviceaccounts/token (the TokenRequest API) issues a fresh token for a service account, valid up to the cluster\'s maximum token lifetime: the identity becomes every service account it can name, and the tokens outlive its own access.',
    fix: 'Remove create on serviceaccounts/token; workloads get their own tokens projected by the kubelet. If a token broker is the point of this identity, limit it to the named service accounts with resourceNames and record an exception in org.yaml.',
    owasp: ['NHI5', 'NHI7'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['serviceaccounts/token'], ['create']);
      if (!hit) continue;
      const names = sourceRule(data, g)?.rule.resourceNames;
      const whose = names ? `the service accounts ${names.map((n) => show(n)).join(', ')}` : 'any service account of the namespace';
      out.push({ path: g.path, message: `${describeHit(g, hit)} in ${placeOf(g)} issues tokens for ${whose}` });
    }
    return oncePerPath(out);
  },
});
