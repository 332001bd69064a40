import { show } from '../../common/findings.js';
import { defineRule, type RepoReport } from '../types.js';

// The schema accepts `members: []` so that an org.yaml `idac import` extended with a new team still
// loads (every manifest would fail to check otherwise); this rule asks for the people instead.
const messages = {
  empty: 'team {{team}} lists no members: nobody can own or succeed its identities',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'org/team-without-members',
    severity: 'error',
    title: 'Team without members',
    rationale:
      "An identity's owner and successor must be members of its team; a team with nobody in it leaves its " +
      'identities without anyone accountable (idac import adds teams this way when no tag names their people).',
    fix: 'List the e-mails of the people of the team under spec.teams.<team>.members in identities/org.yaml.',
    owasp: ['NHI1'],
  },
  messages,
  summarize: () => null,
  check(_entries, { org, orgFile }) {
    const out: RepoReport<typeof messages>[] = [];
    for (const [team, t] of Object.entries(org?.spec.teams ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!t || t.members.length > 0) continue;
      out.push({
        file: orgFile,
        identity: null,
        path: ['spec', 'teams', team, 'members'],
        messageId: 'empty',
        data: { team: show(team) },
      });
    }
    return out;
  },
});
