import { show } from '../../common/findings.js';
import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny, sourceRule } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

// list first: with verbs "*" the message should name the verb that leaks the most.
const READ = ['list', 'watch', 'get'];

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-secrets-read',
    severity: 'error',
    title: 'Kubernetes grant reads secrets',
    rationale: 'list and watch on secrets return the full content of every secret in the namespace (service account tokens, registry and database credentials), and get reads any secret whose name is known; RBAC good practices treat all three as access to every credential there.',
    fix: 'Deliver the credential the workload needs by mounting it in its pod spec, through spec.delivery or from Vault, and drop get/list/watch on secrets; if a controller truly must read one secret, name it in resourceNames and record an exception in org.yaml.',
    owasp: ['NHI5', 'NHI2'],
  },
  check({ data, access }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['secrets'], READ);
      if (!hit) continue;
      const names = sourceRule(data, g)?.rule.resourceNames;
      const effect = names
        ? `reads the secrets named ${names.map((n) => show(n)).join(', ')} (narrower than every secret, but their values are still readable)`
        : hit.verb === 'get'
          ? 'reads any secret of the namespace whose name it knows or guesses'
          : 'returns the content of every secret in the namespace';
      out.push({ path: g.path, message: `${describeHit(g, hit)} in ${placeOf(g)} ${effect}` });
    }
    return oncePerPath(out);
  },
});
