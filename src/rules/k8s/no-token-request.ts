import { show } from '../../common/findings.js';
import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  reachesAny,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  tokensNamed: '{{grant}} in {{where}} issues tokens for the service accounts {{names}}',
  tokensAny: '{{grant}} in {{where}} issues tokens for any service account of the namespace',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-token-request',
    severity: 'error',
    title: 'Kubernetes grant mints service account tokens',
    rationale:
      'create on serviceaccounts/token (the TokenRequest API) issues a fresh token for a service account, ' +
      "valid up to the cluster's maximum token lifetime: the identity becomes every service account it can " +
      'name, and the tokens outlive its own access.',
    fix:
      'Remove create on serviceaccounts/token; workloads get their own tokens projected by the kubelet. If a ' +
      'token broker is the point of this identity, limit it to the named service accounts with resourceNames ' +
      'and record an exception in org.yaml.',
    owasp: ['NHI5', 'NHI7'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['serviceaccounts/token'], ['create']);
      if (!hit) continue;
      const names = sourceRule(data, g)?.rule.resourceNames;
      const base = { grant: describeHit(g, hit), where: placeOf(g) };
      if (names)
        out.push({
          path: g.path,
          messageId: 'tokensNamed',
          data: { ...base, names: names.map((n) => show(n)).join(', ') },
        });
      else out.push({ path: g.path, messageId: 'tokensAny', data: base });
    }
    return oncePerPath(out);
  },
});
