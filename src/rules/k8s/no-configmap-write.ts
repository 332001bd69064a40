import { describeHit, kubernetesGrants, oncePerPath, placeOf, reachesAny } from '../../access/kubernetes-api.js';
import { isPrivilegedNamespace } from '../../model/org.js';
import { defineRule, type Report } from '../types.js';

const WRITE = ['create', 'patch', 'update'];
// The config maps of kube-system the control plane trusts: EKS maps IAM roles to Kubernetes groups
// (system:masters included) through aws-auth; the front proxy's client CA lives in
// extension-apiserver-authentication; CoreDNS and kube-proxy read their configuration from theirs.
const KUBE_SYSTEM_CRITICAL = ['aws-auth', 'extension-apiserver-authentication', 'coredns', 'kube-proxy'];

const messages = {
  kubeSystem:
    '{{grant}} in {{where}} rewrites the config maps the control plane trusts: aws-auth on EKS (any IAM role ' +
    'into system:masters), the front-proxy CA, CoreDNS and kube-proxy configuration',
  kubeSystemNamed: '{{grant}} in {{where}} rewrites the config map "{{name}}", which the control plane trusts',
  privileged:
    '{{grant}} in the privileged namespace {{where}} rewrites the configuration its privileged controllers ' + 'read',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-configmap-write',
    severity: 'error',
    title: 'Kubernetes grant writes config maps in a privileged namespace',
    rationale:
      'Config maps are configuration, and in kube-system the cluster trusts them: on EKS the aws-auth config ' +
      'map decides which IAM roles are cluster admins (rbac-police eks_modify_aws_auth); ' +
      'extension-apiserver-authentication holds the CA whose client certificates may assert any user to ' +
      'aggregated API servers. In the namespaces org.yaml lists as privileged they configure the controllers ' +
      'that hold cluster-wide power. Elsewhere writing config maps is ordinary and not reported.',
    fix:
      'Manage kube-system configuration through the cluster provider (EKS access entries instead of aws-auth) ' +
      'or idac itself; if the identity must own one config map there, name it in resourceNames.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }, ctx) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      if (!isPrivilegedNamespace(ctx.org, g.cluster, g.namespace)) continue;
      // create with resourceNames matches no request.
      const hit = reachesAny(g, '', ['configmaps'], g.resourceName === null ? WRITE : ['patch', 'update']);
      if (!hit) continue;
      const base = { grant: describeHit(g, hit), where: placeOf(g) };
      const kubeSystem = g.namespace === 'kube-system';
      if (g.resourceName === null)
        out.push({ path: g.path, messageId: kubeSystem ? 'kubeSystem' : 'privileged', data: base });
      else if (kubeSystem && KUBE_SYSTEM_CRITICAL.includes(g.resourceName))
        out.push({ path: g.path, messageId: 'kubeSystemNamed', data: { ...base, name: g.resourceName } });
    }
    return oncePerPath(out);
  },
});
