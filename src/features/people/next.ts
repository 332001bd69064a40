// What is left after a hand-over: the identities still without a successor (with the line where
// the successor goes) and the one command that finishes the job.

import { LineIndex } from '../../manifest/line-index.js';
import { loadText } from '../../manifest/load.js';
import type { ManifestFile, OffboardReport } from './offboard.js';
import { SUCCESSOR_PATH, successorGaps } from './offboard.js';
import type { OrgModel } from '../../model/org.js';
import type { OffboardNext, Written } from './render.js';

/**
 * The gaps of `report` and the command that fills them. `textOf` gives a file's text as it is now
 * (as written, when --write ran); `written` is what --write changed (null: nothing asked).
 */
export async function offboardNext(
  report: OffboardReport,
  identities: readonly ManifestFile[],
  org: OrgModel | null,
  written: Written | null,
  textOf: (file: string) => Promise<string>,
): Promise<OffboardNext> {
  const gaps = successorGaps(report, identities, org);
  const next: OffboardNext = { successors: [], command: null };
  for (const g of gaps) {
    const text = await textOf(g.file);
    const at = loadText(text, { expect: 'MachineIdentity', fast: false }).locate(SUCCESSOR_PATH, 'value');
    next.successors.push({ ...g, line: new LineIndex(text).at(at).line });
  }
  if (gaps.length > 0) {
    const teams = [...new Set(gaps.map((g) => g.team))].sort();
    const flags = teams.length === 1 ? '--successor EMAIL' : teams.map((t) => `--successor ${t}=EMAIL`).join(' ');
    const undo =
      written && written.files.length > 0 ? `git checkout -- ${written.files.map(shellWord).join(' ')} && ` : '';
    next.command = `${undo}idac offboard ${report.person} --write ${flags}`;
  }
  return next;
}

/** A path as one shell word: as it is when it is plain, else single-quoted. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
