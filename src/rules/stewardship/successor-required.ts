import { defineRule } from '../types.js';

// Like the owner, the successor is required by a rule rather than the schema, so an imported
// manifest loads and gets a located finding (SPEC §2).
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/successor-required',
    severity: 'error',
    title: 'Successor missing',
    rationale:
      'A successor takes over when the owner leaves; without one the identity is orphaned on the ' +
      "owner's last day.",
    fix: 'Add spec.stewardship.successor: the e-mail of another member of the team.',
    owasp: ['NHI1'],
  },
  messages: {
    missing: 'spec.stewardship.successor is required: name another team member who takes over when the owner leaves',
  },
  check({ data }) {
    if (data.spec.stewardship.successor !== undefined) return [];
    return [{ path: ['spec', 'stewardship'], at: 'key', messageId: 'missing' }];
  },
});
