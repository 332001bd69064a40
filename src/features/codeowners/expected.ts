// What .github/CODEOWNERS should hold for the repository as it is: the entries the manifests give
// (a secret found anywhere in this run withheld), the text idac codeowners writes, and the
// identities whose file names a CODEOWNERS line cannot carry.

import { loadRepository } from '../../check/repository.js';
import { CODEOWNERS_FILE, IDENTITIES_DIR, ORG_FILE } from '../../common/layout.js';
import type { Finding } from '../../common/findings.js';
import { knownSecrets } from '../../common/redactor.js';
import { fail, messageOf, ok, type Result } from '../../common/result.js';
import type { Source } from '../../manifest/source.js';
import {
  codeownersPattern,
  expectedEntries,
  renderCodeowners,
  type Entry,
  type OwnedIdentity,
} from '../../model/codeowners.js';
import { orgModel } from '../../model/org.js';
import { reportFinding } from '../../rules/engine.js';

const UNSAFE = 'codeowners/unsafe-path';

export interface ExpectedCodeowners {
  /** Every valid identity, its path and owners with known secrets withheld. */
  owned: OwnedIdentity[];
  /** Manifests that did not validate, so have no line. */
  skipped: number;
  entries: Entry[];
  /** What idac codeowners writes. */
  text: string;
  /** `; N manifests skipped (run idac validate)`, or ''. */
  note: string;
  /** codeowners/unsafe-path findings: names never written (expectedEntries leaves them out), always reported. */
  unsafe: Finding[];
}

export async function expectedCodeowners(source: Source): Promise<Result<ExpectedCodeowners>> {
  const repo = await loadRepository(source);
  if (!repo.ok) {
    // A file that cannot be read stops the command (exit 2), as it does every reader's.
    if (repo.unreadable) throw repo.unreadable.error;
    return repo;
  }
  // A secret found in one file and repeated in another (an owner that is another file's password)
  // is withheld here too: every secret this run found, not only each file's own.
  const known = knownSecrets();
  const orgData = repo.value.org && known.data(repo.value.org);
  if (!orgData)
    return fail(
      `${ORG_FILE} is missing or invalid (run idac validate): CODEOWNERS needs its security owners and teams`,
    );
  const owned: OwnedIdentity[] = repo.value.identities.map(({ file, data }) => {
    const s = data.spec.stewardship;
    return {
      file: known.text(file),
      owner: s.owner === undefined ? null : known.text(s.owner),
      successor: s.successor === undefined ? null : known.text(s.successor),
      team: known.text(s.team),
    };
  });
  const skipped = repo.value.skipped.filter((s) => !s.link).length;
  const entries = expectedEntries(orgModel(orgData), owned, IDENTITIES_DIR);
  const unsafe: Finding[] = [];
  for (const { file, data } of repo.value.identities) {
    const p = codeownersPattern(file);
    if (!p.ok)
      unsafe.push(
        reportFinding(UNSAFE, file, data.metadata.name, 1, 1, 'unsafePath', {
          reason: messageOf(p),
          codeowners: CODEOWNERS_FILE,
        }),
      );
  }
  return ok({
    owned,
    skipped,
    entries,
    text: renderCodeowners(entries),
    note: skipped ? `; ${skipped} manifest${skipped === 1 ? '' : 's'} skipped (run idac validate)` : '',
    unsafe,
  });
}
