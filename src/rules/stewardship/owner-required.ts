import { defineRule } from '../types.js';

// The schema leaves owner out of `required` (SPEC §2) so that a manifest `idac import` wrote, with
// no owner anywhere in the estate to copy, still loads: this rule then asks for one at its place.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/owner-required',
    severity: 'error',
    title: 'Owner missing',
    rationale:
      'Every identity needs an accountable human: an identity without an owner is the orphan nobody rotates, ' +
      'reviews or offboards (most imported identities start this way).',
    fix: 'Add spec.stewardship.owner: the e-mail of the team member who answers for this identity.',
    owasp: ['NHI1'],
  },
  messages: {
    missing: 'spec.stewardship.owner is required: name the team member who answers for this identity',
  },
  check({ data }) {
    if (data.spec.stewardship.owner !== undefined) return [];
    return [{ path: ['spec', 'stewardship'], at: 'key', messageId: 'missing' }];
  },
});
