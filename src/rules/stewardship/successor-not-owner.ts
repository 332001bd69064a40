import { lower } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/successor-not-owner',
    severity: 'error',
    title: 'Successor is the owner',
    rationale:
      'A successor exists so that someone else can take over when the owner leaves; naming the owner twice ' +
      "leaves nobody, and the identity is orphaned on the owner's last day.",
    fix: 'Set spec.stewardship.successor to a different member of the team.',
    owasp: ['NHI1'],
  },
  messages: {
    isOwner: 'successor {{successor}} is also the owner; name a different member of the team',
  },
  check({ data }) {
    const { owner, successor } = data.spec.stewardship;
    if (owner === undefined || successor === undefined || lower(owner) !== lower(successor)) return [];
    return [{ path: ['spec', 'stewardship', 'successor'], messageId: 'isOwner', data: { successor } }];
  },
});
