// idac codeowners [--check]: writes .github/CODEOWNERS from the manifests, or checks that it is
// current. A stale entry is reported where the change that made it stale is (the identity's owner
// line, org.yaml's securityOwners), with the rule codeowners/stale, like validate does.

import { ORG_FILE, validate } from '../check/validate.js';
import { CODEOWNERS_FILE, codeownersPattern, expectedEntries, holdsWithheld, parseCodeowners, renderCodeowners, unsafePathMessage, verifyRendered, type OwnedIdentity } from '../codeowners/codeowners.js';
import { sha256, writeAtomically } from '../io/atomic-write.js';
import { FsSource, reason } from '../io/fs-source.js';
import { isOversize } from '../io/source.js';
import { decode, MAX_FILE_BYTES } from '../manifest/decode.js';
import { readRepository } from '../manifest/read.js';
import { orgModel } from '../model/org.js';
import { compareFindings, type Finding } from '../findings.js';
import { finding } from '../rules/engine.js';
import { common, oneOf, useColor } from './common.js';
import { UsageError } from './errors.js';
import { renderFindings } from './findings-output.js';
import { emit } from './write.js';
import { knownSecrets } from '../rules/redactor.js';

const FORMATS = ['text', 'json', 'github'] as const;
const RULE = 'codeowners/stale';
const UNSAFE = 'codeowners/unsafe-path';
const FOLDER = ORG_FILE.slice(0, ORG_FILE.lastIndexOf('/'));

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  // Without --check the command writes .github/CODEOWNERS: an --out taken for a preview would be ignored.
  if (opts.check === undefined && (opts.out !== undefined || opts.format !== undefined)) throw new UsageError(`${opts.out !== undefined ? '--out' : '--format'} goes with --check; without it idac codeowners writes ${CODEOWNERS_FILE}`);
  const source = new FsSource(dir);
  // What CODEOWNERS holds before anything is read: the write is refused if it changes meanwhile.
  const previous = opts.check === undefined ? await currentHash(source) : null;
  const repo = await readRepository(source, ORG_FILE);
  if (!repo.ok) throw new UsageError(repo.message);
  // A secret found in one file and repeated in another (an owner that is another file's password)
  // is withheld here too: every secret this run found, not only each file's own.
  const known = knownSecrets();
  const orgData = repo.value.org && known.data(repo.value.org);
  if (!orgData) throw new UsageError(`${ORG_FILE} is missing or invalid (run idac validate): CODEOWNERS needs its security owners and teams`);
  const owned: OwnedIdentity[] = repo.value.identities.map(({ file, data }) => {
    const s = data.spec.stewardship;
    return { file: known.text(file), owner: known.text(s.owner), successor: known.text(s.successor), team: known.text(s.team) };
  });
  const skipped = repo.value.skipped.length;
  const expected = expectedEntries(orgModel(orgData), owned, FOLDER);
  const text = renderCodeowners(expected);
  const note = skipped ? `; ${skipped} manifest${skipped === 1 ? '' : 's'} skipped (run idac validate)` : '';
  // Names CODEOWNERS cannot carry: never written (expectedEntries leaves them out), always reported.
  const unsafe: Finding[] = [];
  for (const { file, data } of repo.value.identities) {
    const p = codeownersPattern(file);
    if (!p.ok) unsafe.push(finding(UNSAFE, file, data.metadata.name, 1, 1, unsafePathMessage(p.reason)));
  }
  const left = unsafe.length ? `; ${unsafe.length} left out, ${unsafe.length === 1 ? 'its file name' : 'their file names'} cannot be written there` : '';

  if (opts.check === undefined) {
    const wrong = verifyRendered(expected, text);
    if (wrong) throw new UsageError(`not writing ${CODEOWNERS_FILE}: ${wrong}; nothing was changed`, 1);
    const written = await writeAtomically(dir, [{ path: CODEOWNERS_FILE, bytes: Buffer.from(text, 'utf8'), expected: previous }]);
    if (!written.ok) throw new UsageError(written.message, written.code);
    // An identity whose path or owners hold a secret gets no line (expectedEntries): it is not counted.
    const held = owned.filter(holdsWithheld).length;
    const lines = owned.length - held;
    const withheldNote = held ? `; ${held} withheld (a secret in the path or an owner: run idac validate)` : '';
    const wrote = `wrote ${CODEOWNERS_FILE}: ${lines} identit${lines === 1 ? 'y' : 'ies'}${note}${withheldNote}${left}\n`;
    if (unsafe.length === 0) {
      process.stdout.write(wrote);
      return 0;
    }
    process.stdout.write(`${wrote}\n${await renderFindings('text', { identities: owned.length + skipped, findings: unsafe }, { color: useColor(process.stdout), dir })}`);
    return 1;
  }

  // --check
  const findings: Finding[] = [];
  const entry = await source.stat(CODEOWNERS_FILE);
  let current: string | null = null;
  if (entry && !entry.symlink) {
    let bytes;
    try {
      bytes = await source.read(CODEOWNERS_FILE, MAX_FILE_BYTES);
    } catch (e) {
      throw new UsageError(`cannot read ${CODEOWNERS_FILE}: ${reason(e)}`);
    }
    const decoded = isOversize(bytes) ? null : decode(bytes);
    current = decoded?.ok ? decoded.text : null;
  }
  if (current === null) {
    findings.push(finding(RULE, CODEOWNERS_FILE, null, 1, 1, `${CODEOWNERS_FILE} is missing or unreadable: run \`idac codeowners\` and commit the result`));
  } else if (current !== text) {
    // The rule validate runs decides what is stale, so both commands report the same findings.
    const checked = await validate(source, { paths: [FOLDER], now });
    if (!checked.ok) throw new UsageError(checked.message);
    findings.push(...checked.value.findings.filter((f) => f.rule === RULE));
    // Manifests that do not validate have no line in what idac codeowners writes: regenerating
    // now would drop their owners, so say to fix them first.
    if (findings.length === 0 && skipped > 0) findings.push(finding(RULE, CODEOWNERS_FILE, null, 1, 1, `${CODEOWNERS_FILE} is not what \`idac codeowners\` writes, but ${skipped} manifest${skipped === 1 ? ' does' : 's do'} not validate and would lose ${skipped === 1 ? 'its line' : 'their lines'}: fix ${skipped === 1 ? 'it' : 'them'} first (run idac validate), then run \`idac codeowners\` and commit the result`));
    // A line idac does not write (an owner-less `*` added by hand) can take reviews away: never call that "the right owners".
    const known = new Set(expected.map((e) => e.pattern));
    const extra = [...parseCodeowners(current)].filter(([p]) => !known.has(p)).sort(([, a], [, b]) => a.line - b.line)[0];
    if (findings.length === 0 && unsafe.length === 0 && extra) findings.push(finding(RULE, CODEOWNERS_FILE, null, extra[1].line, 1, `${CODEOWNERS_FILE} line ${extra[1].line} (${extra[0]}) is not a line \`idac codeowners\` writes; GitHub applies the last matching line, so a line of its own can take a file's review from its owners; run \`idac codeowners\` and commit the result`));
    // A name left out explains the difference itself (an older idac wrote a line for it).
    if (findings.length === 0 && unsafe.length === 0) findings.push(finding(RULE, CODEOWNERS_FILE, null, 1, 1, `${CODEOWNERS_FILE} gives every file the right owners but is not what \`idac codeowners\` writes (order, comments or extra lines); run \`idac codeowners\` and commit the result`));
  }
  findings.push(...unsafe);
  findings.sort(compareFindings);
  const report = { identities: owned.length + skipped, findings };
  const out = format === 'text' && findings.length === 0
    ? `${CODEOWNERS_FILE} is up to date (${owned.length} identit${owned.length === 1 ? 'y' : 'ies'}${note}).\n`
    : await renderFindings(format, report, { color: opts.out === undefined && useColor(process.stdout), dir });
  await emit(out, opts.out);
  return findings.length > 0 ? 1 : 0;
}

/** sha256 of .github/CODEOWNERS as it is now; null when there is none. */
async function currentHash(source: FsSource): Promise<string | null> {
  try {
    const bytes = await source.read(CODEOWNERS_FILE);
    return bytes instanceof Uint8Array ? sha256(bytes) : null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELINKEDFOLDER') throw new UsageError(`cannot write ${CODEOWNERS_FILE}: ${reason(e)}; nothing was changed`);
    if (code === 'ELOOP') throw new UsageError(`cannot write ${CODEOWNERS_FILE}: it is a symbolic link (idac does not write through links); nothing was changed`);
    throw new UsageError(`cannot read ${CODEOWNERS_FILE}: ${reason(e)}; nothing was changed`);
  }
}
