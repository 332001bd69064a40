import { trustsOf } from '../../access/trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  awsAccessKeys:
    'the identity already logs in without a secret ({{federated}}) yet also holds AWS access keys ' +
    '(principal: user); drop the keys and use the federated login',
  vaultSecretId:
    'the identity already logs in without a secret ({{federated}}) yet also holds a Vault AppRole secret-id ' +
    '(auth: approle); log in to Vault with jwt, kubernetes, aws or cert instead',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'reuse/federated-and-static',
    severity: 'warning',
    title: 'Federated identity that also holds a static credential',
    rationale:
      'A workload that can prove who it is through federation (a trusted service, cluster, pipeline, ' +
      'account or certificate) gains nothing from a static secret but the risk: the secret leaks, must be ' +
      'rotated and outlives offboarding, so the identity is exactly as exposed as one with no federation.',
    fix:
      'Use the federated login for every target: principal: role instead of user, and a Vault auth method ' +
      'that needs no secret (jwt, kubernetes, aws with the role, cert) instead of approle.',
    owasp: ['NHI7', 'NHI2'],
  },
  messages,
  check({ data }) {
    const federated = trustsOf(data).filter((t) => t.kind !== 'approle');
    if (federated.length === 0) return [];
    const kinds = [...new Set(federated.map((t) => `${t.target} ${t.kind}`))].sort().join(', ');
    const { aws, vault } = data.spec.access;
    const out: Report<typeof messages>[] = [];
    if (aws?.principal === 'user')
      out.push({
        path: ['spec', 'access', 'aws', 'principal'],
        messageId: 'awsAccessKeys',
        data: { federated: kinds },
      });
    if (vault?.auth === 'approle')
      out.push({ path: ['spec', 'access', 'vault', 'auth'], messageId: 'vaultSecretId', data: { federated: kinds } });
    return out;
  },
});
