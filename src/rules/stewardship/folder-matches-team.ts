import { show } from '../../common/findings.js';
import { team as teamOf } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/folder-matches-team',
    severity: 'error',
    title: 'File is not in its team\'s folder',
    rationale: 'CODEOWNERS and reviewers go by folder: a file under another team\'s folder is reviewed by people who do not own it, and one outside identities/<team>/ escapes the layout that keeps names unique (SPEC §1).',
    fix: 'Move the file to identities/<team>/<name>.yaml, where <team> is spec.stewardship.team.',
    owasp: ['NHI1'],
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
    const where = parts.length >= 3 && parts[parts.length - 3] === 'identities' ? `in folder ${show(folder, 40)}` : `at ${show(file, 80)}, not in identities/<team>/`;
    return [{ path: ['spec', 'stewardship', 'team'], message: `file is ${where} but spec.stewardship.team is ${show(team, 40)}; move it to ${show(`identities/${team}/${base}`, 80)}` }];
  },
});
