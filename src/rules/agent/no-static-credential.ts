import { defineRule, type Report } from '../types.js';

const messages = {
  awsAccessKeys: 'an ai-agent identity must not hold AWS access keys (principal: user); use principal: role',
  vaultSecretId:
    'an ai-agent identity must not hold a Vault AppRole secret-id (auth: approle); use auth: kubernetes, jwt, aws ' +
    'or cert',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'agent/no-static-credential',
    severity: 'error',
    title: 'AI agent with a static credential',
    rationale:
      'An AI agent acts on text it reads, so it can be talked into printing, storing or passing on what it ' +
      'holds; a static access key or AppRole secret-id stays valid wherever it ends up, while federated ' +
      'access (a role, a Kubernetes service account) yields short-lived tokens bound to where the agent runs.',
    fix:
      'Give the agent federated access: spec.access.aws.principal: role with a trust, and ' +
      'spec.access.vault.auth: kubernetes (or jwt, aws, cert); no static credential.',
    owasp: ['NHI4', 'NHI7'],
  },
  messages,
  check({ data }) {
    if (data.spec.type !== 'ai-agent') return [];
    const { aws, vault } = data.spec.access;
    const out: Report<typeof messages>[] = [];
    if (aws?.principal === 'user')
      out.push({ path: ['spec', 'access', 'aws', 'principal'], messageId: 'awsAccessKeys' });
    if (vault?.auth === 'approle') out.push({ path: ['spec', 'access', 'vault', 'auth'], messageId: 'vaultSecretId' });
    return out;
  },
});
