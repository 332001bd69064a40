import { show } from '../../common/findings.js';
import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  reachesAny,
  sourceRule,
} from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  mintToken:
    '{{grant}} in {{where}} can create a Secret of type kubernetes.io/service-account-token naming any service ' +
    "account of the namespace, and the token controller writes that account's token into it",
  overwrite:
    '{{grant}} in {{where}} rewrites any secret of the namespace (credentials the workloads trust) and reads ' +
    'it back in the response',
  writeNamed:
    '{{grant}} in {{where}} rewrites the secrets named {{names}}, or creates them by server-side apply (as a ' +
    'service-account token Secret, too)',
  writeNamedPrivileged:
    '{{grant}} in the privileged namespace {{where}} rewrites the secrets named {{names}}, or creates them by ' +
    "server-side apply as service-account token Secrets of the namespace's admin-equivalent accounts",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-secrets-write',
    severity: 'error',
    title: 'Kubernetes grant writes secrets',
    rationale:
      'A Secret of type kubernetes.io/service-account-token whose annotation names a service account is ' +
      "filled with that account's token by the token controller: create on secrets mints a token for any " +
      'service account of the namespace. update and patch replace any secret the workloads read and return ' +
      'its content (rbac-police issue_token_secrets and obtain_token_weak_ns, KubiScan ' +
      'risky-any-verb-secrets). A named update or patch is a warning, but an error in a privileged ' +
      'namespace, where server-side apply can mint a token for an admin-equivalent account.',
    fix:
      'Deliver secrets through spec.delivery or Vault instead of writing them from this identity; if it must ' +
      'manage one secret, name it in resourceNames with update or patch (never create) and record an exception ' +
      'in org.yaml.',
    owasp: ['NHI5', 'NHI7'],
  },
  messages,
  severities: { writeNamed: 'warning' },
  check({ data, access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const named = g.resourceName !== null;
      // create with resourceNames matches no request: a create carries no name.
      const hit = reachesAny(g, '', ['secrets'], named ? ['patch', 'update'] : ['create', 'patch', 'update']);
      if (!hit) continue;
      const base = { grant: describeHit(g, hit), where: placeOf(g) };
      const names = named ? sourceRule(data, g)?.rule.resourceNames : undefined;
      if (names)
        out.push({
          path: g.path,
          messageId: isPrivilegedNamespace(ctx.org, g.cluster, g.namespace) ? 'writeNamedPrivileged' : 'writeNamed',
          data: { ...base, names: names.map((n) => show(n)).join(', ') },
        });
      else out.push({ path: g.path, messageId: hit.verb === 'create' ? 'mintToken' : 'overwrite', data: base });
    }
    return oncePerPath(out);
  },
});
