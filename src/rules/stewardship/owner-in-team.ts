import { didYouMeanPerson, lower, team } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/owner-in-team',
    severity: 'error',
    title: 'Owner is not a member of the team',
    rationale:
      'An identity needs an accountable human who is still on the owning team; an owner from elsewhere (or ' +
      'who left) is how identities become orphans nobody offboards.',
    fix: 'Set spec.stewardship.owner to a member of the team, or add the person to the team in identities/org.yaml.',
    owasp: ['NHI1'],
  },
  messages: {
    notMember: 'owner {{owner}} is not a member of team {{team}} in org.yaml{{suggestion}}',
  },
  check({ data }, { org }) {
    const { owner, team: name } = data.spec.stewardship;
    if (owner === undefined) return []; // stewardship/owner-required reports it
    const t = org && team(org, name);
    if (!org || !t) return []; // stewardship/team-exists reports an unknown team
    if (org.members.get(name)?.has(lower(owner))) return [];
    return [
      {
        path: ['spec', 'stewardship', 'owner'],
        messageId: 'notMember',
        data: { owner, team: name, suggestion: didYouMeanPerson(owner, org.members.get(name) ?? []) },
      },
    ];
  },
});
