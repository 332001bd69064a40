import { CODEOWNERS_FILE } from '../../common/layout.js';
import { codeownersPattern } from '../../model/codeowners.js';
import { messageOf } from '../../common/result.js';
import { defineRule, type RepoReport } from '../types.js';

const messages = {
  unsafePath:
    "{{reason}}: {{codeowners}} gets no line for this file (its team's folder line or the security owners' " +
    '/identities/ line applies); rename the file to <metadata.name>.yaml',
} as const;

// Issue 14: a manifest named `zz⏎org.yaml⏎*⏎zz.yaml` made idac codeowners write owner-less
// `org.yaml` and `*` lines that took the security owners' review off org.yaml, schema/ and .github/.
export default defineRule({
  kind: 'repo',
  meta: {
    id: 'codeowners/unsafe-path',
    severity: 'error',
    title: 'File name CODEOWNERS cannot carry',
    rationale:
      'A CODEOWNERS line names a file by its path. A line break, control or invisible character, whitespace ' +
      'other than a space, a non-ASCII character, or one of # * ? [ ] \\ in the path would end the line ' +
      'early, start a comment, match other files or read differently on GitHub than in review: a file could ' +
      'then write lines of its own making (an owner-less `*` takes every review away). Such a file gets no ' +
      "line of its own, so its team's folder or the security owners review it, and this finding asks for the " +
      'rename.',
    fix: 'Rename the file to <metadata.name>.yaml (lowercase letters, digits and -) and run `idac codeowners`.',
    owasp: ['NHI1'],
  },
  messages,
  summarize(): true {
    return true;
  },
  check(entries, ctx) {
    // Like codeowners/stale: checked where CODEOWNERS is (idac codeowners checks it always).
    const co = ctx.codeowners;
    if (!co || !ctx.org) return [];
    const prefix = co.root === '' ? '' : `${co.root}/`;
    const folder = ctx.orgFile.slice(prefix.length, ctx.orgFile.lastIndexOf('/'));
    const out: RepoReport<typeof messages>[] = [];
    for (const e of entries) {
      if (!e.file.startsWith(`${prefix}${folder}/`)) continue;
      const p = codeownersPattern(e.file.slice(prefix.length));
      if (!p.ok)
        out.push({
          file: e.file,
          identity: e.identity,
          path: [],
          position: { line: 1, column: 1 },
          messageId: 'unsafePath',
          data: { reason: messageOf(p), codeowners: CODEOWNERS_FILE },
        });
    }
    return out;
  },
});
