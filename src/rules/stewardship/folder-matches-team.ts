import { show } from '../../common/findings.js';
import { team as teamOf } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/folder-matches-team',
    severity: 'error',
    title: "File is not in its team's folder",
    rationale:
      "CODEOWNERS and reviewers go by folder: a file under another team's folder is reviewed by people who " +
      'do not own it, and one outside identities/<team>/ escapes the layout that keeps names unique (SPEC §1).',
    fix: 'Move the file to identities/<team>/<name>.yaml, where <team> is spec.stewardship.team.',
    owasp: ['NHI1'],
  },
  messages: {
    wrongFolder: 'file is in folder {{folder}} but spec.stewardship.team is {{team}}; move it to {{target}}',
    outsideTeams:
      'file is at {{file}}, not in identities/<team>/ but spec.stewardship.team is {{team}}; move it to {{target}}',
  },
  // Tombstones are checked too: the layout is a property of the repository, not of a live identity.
  tombstones: true,
  check({ file, data }, { org }) {
    const team = data.spec.stewardship.team;
    const parts = file.split('/');
    const base = parts[parts.length - 1]!;
    const folder = parts.length >= 2 ? parts[parts.length - 2]! : '';
    if (parts.length >= 3 && parts[parts.length - 3] === 'identities' && folder === team) return [];
    // In a declared team's folder with a team org.yaml does not declare, the team is the typo, not
    // the file's place: stewardship/team-exists says so (with "did you mean"); moving it would be wrong.
    if (org && !teamOf(org, team) && teamOf(org, folder) && parts[parts.length - 3] === 'identities') return [];
    const path = ['spec', 'stewardship', 'team'];
    const moved = { team: show(team, 40), target: show(`identities/${team}/${base}`, 80) };
    if (parts.length >= 3 && parts[parts.length - 3] === 'identities')
      return [{ path, messageId: 'wrongFolder', data: { folder: show(folder, 40), ...moved } }];
    return [{ path, messageId: 'outsideTeams', data: { file: show(file, 80), ...moved } }];
  },
});
