// idac codeowners --check: is .github/CODEOWNERS current? A stale entry is reported where the
// change that made it stale is (the identity's owner line, org.yaml's securityOwners), with the
// rule codeowners/stale, like validate does.

import { loadRepository } from '../../check/repository.js';
import { CODEOWNERS_FILE } from '../../common/layout.js';
import { compareFindings, type Finding } from '../../common/findings.js';
import { fail, ok, type Result } from '../../common/result.js';
import { isOversize } from '../../io/files.js';
import { FsSource, reason } from '../../io/fs-source.js';
import { decode, MAX_FILE_BYTES } from '../../manifest/decode.js';
import { parseCodeowners } from '../../model/codeowners.js';
import { reportFinding } from '../../rules/engine.js';
import { expectedCodeowners } from './expected.js';

const RULE = 'codeowners/stale';

export interface CodeownersCheck {
  /** Valid identities plus skipped manifests, as the findings report counts them. */
  identities: number;
  /** Sorted; none when CODEOWNERS is current. */
  findings: Finding[];
  /** The line that says it is current (text format, no findings). */
  upToDate: string;
}

export async function checkCodeowners(dir: string, now: number): Promise<Result<CodeownersCheck>> {
  const source = new FsSource(dir);
  const expected = await expectedCodeowners(source);
  if (!expected.ok) return expected;
  const { owned, skipped, entries, text, note, unsafe } = expected.value;
  const findings: Finding[] = [];
  const entry = await source.stat(CODEOWNERS_FILE);
  let current: string | null = null;
  if (entry && !entry.symlink) {
    let bytes;
    try {
      bytes = await source.read(CODEOWNERS_FILE, MAX_FILE_BYTES);
    } catch (e) {
      return fail(`cannot read ${CODEOWNERS_FILE}: ${reason(e)}`);
    }
    const decoded = isOversize(bytes) ? null : decode(bytes);
    current = decoded?.ok ? decoded.text : null;
  }
  if (current === null) {
    findings.push(reportFinding(RULE, CODEOWNERS_FILE, null, 1, 1, 'unreadable', { codeowners: CODEOWNERS_FILE }));
  } else if (current !== text) {
    // The rule validate runs decides what is stale, so both commands report the same findings.
    const checked = await loadRepository(source, { check: { now }, data: false });
    if (!checked.ok) return checked;
    findings.push(...checked.value.findings.filter((f) => f.rule === RULE));
    // Manifests that do not validate have no line in what idac codeowners writes: regenerating
    // now would drop their owners, so say to fix them first.
    if (findings.length === 0 && skipped > 0)
      findings.push(
        reportFinding(RULE, CODEOWNERS_FILE, null, 1, 1, skipped === 1 ? 'skippedOne' : 'skippedMany', {
          codeowners: CODEOWNERS_FILE,
          count: skipped,
        }),
      );
    // A line idac does not write (an owner-less `*` added by hand) can take reviews away: never call that "the right
    // owners".
    const known = new Set(entries.map((e) => e.pattern));
    const extra = [...parseCodeowners(current)]
      .filter(([p]) => !known.has(p))
      .sort(([, a], [, b]) => a.line - b.line)[0];
    if (findings.length === 0 && unsafe.length === 0 && extra)
      findings.push(
        reportFinding(RULE, CODEOWNERS_FILE, null, extra[1].line, 1, 'foreignLine', {
          codeowners: CODEOWNERS_FILE,
          line: extra[1].line,
          pattern: extra[0],
        }),
      );
    // A name left out explains the difference itself (an older idac wrote a line for it).
    if (findings.length === 0 && unsafe.length === 0)
      findings.push(reportFinding(RULE, CODEOWNERS_FILE, null, 1, 1, 'notAsWritten', { codeowners: CODEOWNERS_FILE }));
  }
  findings.push(...unsafe);
  findings.sort(compareFindings);
  return ok({
    identities: owned.length + skipped,
    findings,
    upToDate: `${CODEOWNERS_FILE} is up to date (${owned.length} identit${owned.length === 1 ? 'y' : 'ies'}${note}).\n`,
  });
}
