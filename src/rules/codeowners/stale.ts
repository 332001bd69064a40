import { CODEOWNERS_FILE, expectedEntries, orphanLines, orphanMessage, staleEntries, staleMessage, type OwnedIdentity } from '../../codeowners/codeowners.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

/** [owner, successor, team]: a tuple keeps 100,000 summaries small. */
type Summary = [string, string | null, string];

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'codeowners/stale',
    severity: 'error',
    title: 'CODEOWNERS does not match the manifests',
    rationale: 'GitHub asks the people in .github/CODEOWNERS to approve a change: when an identity\'s owner or successor changes (or a new identity arrives) and CODEOWNERS is not regenerated, its changes are approved by people who no longer answer for it, or by nobody who does.',
    fix: 'Run `idac codeowners` and commit .github/CODEOWNERS with the change (checked only when the repository has a CODEOWNERS file).',
    owasp: ['NHI1'],
  },
  summarize({ data }): Summary {
    const s = data.spec.stewardship;
    return [s.owner, s.successor, s.team];
  },
  check(entries: readonly RepoEntry<Summary>[], ctx) {
    const co = ctx.codeowners;
    // Without a valid org.yaml every line would look stale (no logins, no security owners): the
    // org.yaml finding is the real cause, and idac codeowners refuses to write until it is fixed.
    if (!co || !ctx.org) return [];
    const prefix = co.root === '' ? '' : `${co.root}/`;
    const folder = ctx.orgFile.slice(prefix.length, ctx.orgFile.lastIndexOf('/'));
    const byFile = new Map<string, RepoEntry<Summary>>();
    const owned: OwnedIdentity[] = [];
    for (const e of entries) {
      if (!e.file.startsWith(`${prefix}${folder}/`)) continue;
      const file = e.file.slice(prefix.length);
      byFile.set(file, e);
      owned.push({ file, owner: e.value[0], successor: e.value[1], team: e.value[2] });
    }
    const out: RepoReport[] = [];
    const expected = expectedEntries(ctx.org, owned, folder);
    // A line for an identity file that is gone is reported on that line: there is no manifest left to point at.
    for (const o of orphanLines(expected, co.parsed, folder, (file) => co.present.has(`${prefix}${file}`))) {
      out.push({ file: `${prefix}${CODEOWNERS_FILE}`, identity: null, path: [], position: { line: o.line, column: 1 }, message: orphanMessage(o) });
    }
    for (const s of staleEntries(expected, co.parsed)) {
      const message = staleMessage(s);
      if (s.entry.file !== undefined) {
        const e = byFile.get(s.entry.file)!;
        out.push({ file: e.file, identity: e.identity, path: ['spec', 'stewardship', 'owner'], message });
      } else if (s.entry.group === 'team') {
        const team = s.entry.pattern.split('/').filter(Boolean).pop()!;
        out.push({ file: ctx.orgFile, identity: null, path: ['spec', 'teams', team, 'github'], message });
      } else {
        out.push({ file: ctx.orgFile, identity: null, path: ['spec', 'securityOwners'], message });
      }
    }
    return out;
  },
});
