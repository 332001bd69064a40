import { describeHit, kubernetesGrants, oncePerPath, reachesAny } from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const ADMISSION = [
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'mutatingadmissionpolicies',
  'mutatingadmissionpolicybindings',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

const messages = {
  admission:
    '{{grant}} lets the identity change what the API server admits, and read or rewrite objects in every namespace',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/no-webhook-config',
    severity: 'error',
    title: 'Kubernetes grant writes admission configuration',
    rationale:
      'An admission webhook sees, and a mutating one rewrites, every object sent to the API server, secrets ' +
      'included; admission policies and their bindings decide what is allowed at all. Writing or deleting ' +
      'them reads or changes the whole cluster and switches off its guard rails.',
    fix:
      'Remove write verbs on webhook configurations and admission policies; they are cluster infrastructure, ' +
      'installed by the platform team outside idac.',
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const out: Report<typeof messages>[] = [];
    for (const g of kubernetesGrants(access.grants)) {
      const hit = reachesAny(g, 'admissionregistration.k8s.io', ADMISSION, WRITE);
      if (hit) out.push({ path: g.path, messageId: 'admission', data: { grant: describeHit(g, hit) } });
    }
    return oncePerPath(out);
  },
});
