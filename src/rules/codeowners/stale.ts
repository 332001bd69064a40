import { CODEOWNERS_FILE } from '../../common/layout.js';
import { expectedEntries, orphanLines, staleEntries, type OwnedIdentity, type Stale } from '../../model/codeowners.js';
import { defineRule, type MessageRef, type RepoEntry, type RepoReport } from '../types.js';

/** [owner, successor, team]: a tuple keeps 100,000 summaries small. */
type Summary = [string | null, string | null, string];

const messages = {
  orphanLine:
    '{{codeowners}} line {{line}} names {{pattern}}, which is no longer an identity file; run `idac ' +
    'codeowners` and commit the result',
  missingLine:
    '{{codeowners}} has no line for {{pattern}}: it should be `{{pattern}} {{owners}}`; run `idac ' +
    'codeowners` and commit the result',
  wrongOwners:
    '{{codeowners}} line {{line}} gives {{pattern}} to {{actual}}, but the manifests say {{owners}}; run ' +
    '`idac codeowners` and commit the result',
  // Reported by `idac codeowners --check` (src/features/codeowners/check.ts), which compares the file as a whole.
  unreadable: '{{codeowners}} is missing or unreadable: run `idac codeowners` and commit the result',
  skippedOne:
    '{{codeowners}} is not what `idac codeowners` writes, but 1 manifest does not validate and would lose ' +
    'its line: fix it first (run idac validate), then run `idac codeowners` and commit the result',
  skippedMany:
    '{{codeowners}} is not what `idac codeowners` writes, but {{count}} manifests do not validate and would ' +
    'lose their lines: fix them first (run idac validate), then run `idac codeowners` and commit the result',
  foreignLine:
    '{{codeowners}} line {{line}} ({{pattern}}) is not a line `idac codeowners` writes; GitHub applies the ' +
    "last matching line, so a line of its own can take a file's review from its owners; run `idac " +
    'codeowners` and commit the result',
  notAsWritten:
    '{{codeowners}} gives every file the right owners but is not what `idac codeowners` writes (order, ' +
    'comments or extra lines); run `idac codeowners` and commit the result',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'codeowners/stale',
    severity: 'error',
    title: 'CODEOWNERS does not match the manifests',
    rationale:
      "GitHub asks the people in .github/CODEOWNERS to approve a change: when an identity's owner or " +
      'successor changes (or a new identity arrives) and CODEOWNERS is not regenerated, its changes are ' +
      'approved by people who no longer answer for it, or by nobody who does.',
    fix:
      'Run `idac codeowners` and commit .github/CODEOWNERS with the change (checked only when the repository ' +
      'has a CODEOWNERS file).',
    owasp: ['NHI1'],
  },
  messages,
  summarize({ data }): Summary {
    const s = data.spec.stewardship;
    return [s.owner ?? null, s.successor ?? null, s.team];
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
    const out: RepoReport<typeof messages>[] = [];
    const expected = expectedEntries(ctx.org, owned, folder);
    // A line for an identity file that is gone is reported on that line: there is no manifest left to point at.
    for (const o of orphanLines(expected, co.parsed, folder, (file) => co.present.has(`${prefix}${file}`))) {
      out.push({
        file: `${prefix}${CODEOWNERS_FILE}`,
        identity: null,
        path: [],
        position: { line: o.line, column: 1 },
        messageId: 'orphanLine',
        data: { codeowners: CODEOWNERS_FILE, line: o.line, pattern: o.pattern },
      });
    }
    for (const s of staleEntries(expected, co.parsed)) {
      const said = staleMessage(s);
      if (s.entry.file !== undefined) {
        const e = byFile.get(s.entry.file)!;
        out.push({ file: e.file, identity: e.identity, path: ['spec', 'stewardship', 'owner'], ...said });
      } else if (s.entry.group === 'team') {
        const team = s.entry.pattern.split('/').filter(Boolean).pop()!;
        out.push({ file: ctx.orgFile, identity: null, path: ['spec', 'teams', team, 'github'], ...said });
      } else {
        out.push({ file: ctx.orgFile, identity: null, path: ['spec', 'securityOwners'], ...said });
      }
    }
    return out;
  },
});

/** What a stale entry says: no line at all, or a line with other owners. */
function staleMessage(s: Stale): MessageRef<typeof messages> {
  const owners = s.entry.owners.join(' ');
  return s.actual === null
    ? { messageId: 'missingLine', data: { codeowners: CODEOWNERS_FILE, pattern: s.entry.pattern, owners } }
    : {
        messageId: 'wrongOwners',
        data: {
          codeowners: CODEOWNERS_FILE,
          line: s.actual.line,
          pattern: s.entry.pattern,
          actual: s.actual.owners.join(' ') || 'nobody',
          owners,
        },
      };
}
