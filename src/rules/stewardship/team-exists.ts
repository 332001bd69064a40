import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { team } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/team-exists',
    severity: 'error',
    title: 'Team is not declared in org.yaml',
    rationale:
      'The team is who answers for an identity and whose boundaries contain it; a team org.yaml does not ' +
      'know (a typo, or a team that was dissolved) leaves the identity without owners or limits.',
    fix:
      'Set spec.stewardship.team to a team declared under spec.teams in identities/org.yaml (and move the ' +
      'file into that folder), or declare the team there.',
    owasp: ['NHI1'],
  },
  messages: {
    unknownTeam: 'team {{team}} is not declared in org.yaml',
    unknownTeamGuess: 'team {{team}} is not declared in org.yaml; did you mean {{guess}}?',
  },
  check({ data }, { org }) {
    if (!org) return [];
    const name = data.spec.stewardship.team;
    if (team(org, name)) return [];
    const guess = didYouMean(name, Object.keys(org.spec.teams));
    const path = ['spec', 'stewardship', 'team'];
    if (!guess) return [{ path, messageId: 'unknownTeam', data: { team: show(name, 40) } }];
    return [{ path, messageId: 'unknownTeamGuess', data: { team: show(name, 40), guess: show(guess, 40) } }];
  },
});
