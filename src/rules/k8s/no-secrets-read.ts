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

// list first: with verbs "*" the message should name the verb that leaks the most.
const READ = ['list', 'watch', 'get'];

const messages = {
  readNamed:
    '{{grant}} in {{where}} reads the secrets named {{names}} (narrower than every secret, but their values ' +
    'are still readable)',
  readByName: '{{grant}} in {{where}} reads any secret of the namespace whose name it knows or guesses',
  readAll: '{{grant}} in {{where}} returns the content of every secret in the namespace',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-secrets-read',
    severity: 'error',
    title: 'Kubernetes grant reads secrets',
    rationale:
      'list and watch on secrets return the full content of every secret in the namespace (service account ' +
      'tokens, registry and database credentials), and get reads any secret whose name is known; RBAC good ' +
      'practices treat all three as access to every credential there.',
    fix:
      'Deliver the credential the workload needs by mounting it in its pod spec, through spec.delivery or ' +
      'from Vault, and drop get/list/watch on secrets; if a controller truly must read one secret, name it in ' +
      'resourceNames and record an exception in org.yaml.',
    owasp: ['NHI5', 'NHI2'],
  },
  messages,
  check({ data, access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, '', ['secrets'], READ);
      if (!hit) continue;
      const names = sourceRule(data, g)?.rule.resourceNames;
      const base = { grant: describeHit(g, hit), where: placeOf(g) };
      if (names)
        out.push({
          path: g.path,
          messageId: 'readNamed',
          data: { ...base, names: names.map((n) => show(n)).join(', ') },
        });
      else out.push({ path: g.path, messageId: hit.verb === 'get' ? 'readByName' : 'readAll', data: base });
    }
    return oncePerPath(out);
  },
});
