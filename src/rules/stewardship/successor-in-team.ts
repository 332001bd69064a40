import { didYouMeanPerson, lower, team } from '../../model/org.js';
import { isTombstone } from '../lib/status.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/successor-in-team',
    severity: 'error',
    title: 'Successor is not a member of the team',
    rationale: 'The successor takes over when the owner leaves; someone outside the team (or who left the organisation) cannot, and the identity is orphaned the day the owner goes.',
    fix: 'Set spec.stewardship.successor to another member of the team, or add the person to the team in identities/org.yaml.',
    owasp: ['NHI1'],
  },
  check({ data }, { org }) {
    if (!org || isTombstone(data)) return [];
    const { successor, team: name } = data.spec.stewardship;
    if (!team(org, name)) return []; // stewardship/team-exists reports an unknown team
    if (org.members.get(name)?.has(lower(successor))) return [];
    return [{ path: ['spec', 'stewardship', 'successor'], message: `successor ${successor} is not a member of team ${name} in org.yaml${didYouMeanPerson(successor, org.members.get(name) ?? [])}` }];
  },
});
