import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/role-without-trust',
    severity: 'error',
    title: 'AWS role without a trust',
    rationale:
      'A role is only usable through its trust policy; a role with none can be assumed by nothing ' +
      'legitimate, so it is either dead weight or about to be given a trust by hand, outside review.',
    fix:
      'Add spec.access.aws.trust: a service (lambda.amazonaws.com), a Kubernetes service account or EKS Pod ' +
      'Identity, another account, a GitHub repository or OIDC pipeline with one pinned subject, or a Roles ' +
      'Anywhere certificate; use principal: user only if the identity really needs static keys.',
    owasp: ['NHI5', 'NHI6'],
  },
  messages: {
    noTrust: 'AWS role has no trust: nothing legitimate can assume it; add spec.access.aws.trust',
  },
  check({ data }) {
    const aws = data.spec.access.aws;
    if (!aws || aws.principal !== 'role' || aws.trust !== undefined) return [];
    return [{ path: ['spec', 'access', 'aws'], at: 'key', messageId: 'noTrust' }];
  },
});
