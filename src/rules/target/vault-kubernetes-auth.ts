import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'target/vault-kubernetes-auth',
    severity: 'error',
    title: 'Vault Kubernetes auth without a Kubernetes service account',
    rationale:
      "Vault's Kubernetes auth logs in a service account of one namespace; without spec.access.kubernetes " +
      'there is no service account to bind, so idac creates no auth role and the identity cannot log in. ' +
      'Guessing one would hand the policy to whoever creates that account.',
    fix:
      'Declare spec.access.kubernetes (cluster, namespace and, if it differs from the name, serviceAccount) ' +
      'for the workload that logs in, or use auth: approle for a workload outside Kubernetes.',
    owasp: ['NHI4'],
  },
  messages: {
    noServiceAccount:
      'vault.auth is kubernetes but spec.access.kubernetes names no cluster, namespace or service account ' +
      'to log in with',
  },
  check({ data }) {
    const vault = data.spec.access.vault;
    if (vault?.auth !== 'kubernetes' || data.spec.access.kubernetes) return [];
    return [{ path: ['spec', 'access', 'vault', 'auth'], messageId: 'noServiceAccount' }];
  },
});
