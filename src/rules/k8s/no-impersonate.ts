import {
  describeHit,
  kubernetesGrants,
  oncePerPath,
  placeOf,
  reachesAny,
  type RbacTriple,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

function hitOf(g: RbacTriple): { resource: string; verb: string } | null {
  // userextras/<field> names one extra field of the impersonated user; every field is a resource of its own.
  const extra = /^userextras\/[^/]+$/.test(g.resource) ? [g.resource] : [];
  return (
    reachesAny(g, '', ['users', 'groups', 'serviceaccounts'], ['impersonate']) ??
    reachesAny(g, 'authentication.k8s.io', ['uids', 'userextras', ...extra], ['impersonate'])
  );
}

const messages = {
  actAsServiceAccount: '{{grant}} in {{where}} lets the identity act as any service account of the namespace',
  actAsAnyone: '{{grant}} in {{where}} lets the identity act as anyone, system:masters included',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-impersonate',
    severity: 'error',
    title: 'Kubernetes grant holds the impersonate verb',
    rationale:
      'impersonate lets an identity send requests as another user, group or service account ' +
      '(Impersonate-User headers): on users or groups it can claim system:masters and bypass RBAC entirely; ' +
      'on service accounts it acts as every service account of the namespace.',
    fix:
      "Remove impersonate. A workload acts as its own service account; a tool that needs another identity's " +
      'rights should be given those rights, reviewed, under its own name.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = hitOf(g);
      if (hit)
        out.push({
          path: g.path,
          messageId: hit.resource === 'serviceaccounts' ? 'actAsServiceAccount' : 'actAsAnyone',
          data: { grant: describeHit(g, hit), where: placeOf(g) },
        });
    }
    return oncePerPath(out);
  },
});
