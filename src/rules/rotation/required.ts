import { staticCredentials } from '../lib/static-credentials.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'rotation/required',
    severity: 'error',
    title: 'Static credential without a rotation schedule',
    rationale:
      'AWS access keys and Vault AppRole secret-ids do not expire on their own; without spec.rotation idac ' +
      'never replaces them, and a leaked key stays valid for years.',
    fix:
      'Add spec.rotation with a period (and an overlap shorter than the period), or switch to federated ' +
      'access (aws.principal: role, vault.auth: kubernetes), which needs no rotation.',
    owasp: ['NHI7'],
  },
  messages: {
    missing: 'the identity holds a static credential ({{kinds}}) but declares no spec.rotation',
  },
  check({ data }) {
    if (data.spec.rotation) return [];
    const kinds = staticCredentials(data);
    if (kinds.length === 0) return [];
    return [{ path: ['spec'], at: 'key', messageId: 'missing', data: { kinds: kinds.join(', ') } }];
  },
});
