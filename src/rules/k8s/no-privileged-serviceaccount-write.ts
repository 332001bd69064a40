import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  serviceAccounts:
    '{{grant}} in the privileged namespace {{where}} without resourceNames can create a service account under ' +
    'a name a role binding already grants (it inherits the binding) or rewrite the ones its system pods run as',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-privileged-serviceaccount-write',
    severity: 'warning',
    title: 'Kubernetes grant writes service accounts in a privileged namespace',
    rationale:
      'A binding names its service account by name: whoever creates a service account under a name that a ' +
      '(Cluster)RoleBinding in kube-system still names, say after the account was deleted, gets that ' +
      'binding, and update or patch changes the image pull secrets and token automounting of the accounts the ' +
      'system pods run as. With a way to get a token for it (k8s/no-token-request, k8s/no-secrets-write) that ' +
      'is the binding itself; on its own it is a warning.',
    fix:
      "Let idac create the identity's own service account; if this identity manages service accounts in a " +
      'privileged namespace, name them in resourceNames (update and patch) and record an exception in org.yaml.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      if (g.resourceName !== null || !isPrivilegedNamespace(ctx.org, g.cluster, g.namespace)) continue;
      const hit = reachesAny(g, '', ['serviceaccounts'], ['create', 'patch', 'update']);
      if (hit)
        out.push({
          path: g.path,
          messageId: 'serviceAccounts',
          data: { grant: describeHit(g, hit), where: placeOf(g) },
        });
    }
    return oncePerPath(out);
  },
});
