import { didYouMeanPerson, lower, team } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/successor-in-team',
    severity: 'error',
    title: 'Successor is not a member of the team',
    rationale:
      'The successor takes over when the owner leaves; someone outside the team (or who left the ' +
      'organisation) cannot, and the identity is orphaned the day the owner goes.',
    fix:
      'Set spec.stewardship.successor to another member of the team, or add the person to the team in ' +
      'identities/org.yaml.',
    owasp: ['NHI1'],
  },
  messages: {
    notMember: 'successor {{successor}} is not a member of team {{team}} in org.yaml{{suggestion}}',
  },
  check({ data }, { org }) {
    if (!org) return [];
    const { successor, team: name } = data.spec.stewardship;
    if (successor === undefined) return []; // stewardship/successor-required reports it
    if (!team(org, name)) return []; // stewardship/team-exists reports an unknown team
    if (org.members.get(name)?.has(lower(successor))) return [];
    return [
      {
        path: ['spec', 'stewardship', 'successor'],
        messageId: 'notMember',
        data: { successor, team: name, suggestion: didYouMeanPerson(successor, org.members.get(name) ?? []) },
      },
    ];
  },
});
