// idac offboard PERSON: what a person's departure leaves behind — every identity they own, succeed,
// reviewed or approved — and, with --write, the owner handed to the successor in place (the rest
// of each file untouched) with the diff to commit.

import { show } from '../findings.js';
import { assign } from '../manifest/edit.js';
import { isEmail } from '../people/email.js';
import { nearestPerson } from '../model/org.js';
import { offboardReport, peopleNamed } from '../people/offboard.js';
import { renderOffboardJson, renderOffboardText, type Written } from '../render/offboard.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { readManifests, readRaw, writeEdits, type FileEdit } from './manifest-files.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json'] as const;

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir } = common(opts);
  const person = args[0] ?? '';
  if (!isEmail(person)) throw new UsageError(`${show(person)} is not an e-mail address; PERSON is the address the manifests name`);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  const repo = await readManifests(dir);
  // A file that does not load cannot be read for roles; if it might name the person, say so.
  const needle = person.toLowerCase();
  const unchecked = repo.invalid.filter((f) => f.text === null || f.text.toLowerCase().includes(needle)).map((f) => f.file);
  const report = offboardReport(person, repo.identities, repo.org, unchecked);
  // Nothing to hand over for an address a typo away from someone who is named: say so, not "nothing to do".
  if (report.identities.length === 0 && report.invalid.length === 0 && !report.org?.teams.length && !report.org?.securityOwner) {
    const near = nearestPerson(person, peopleNamed(repo.identities, repo.org));
    if (near) throw new UsageError(`${person} is named by no manifest and not in org.yaml; did you mean ${near}?`);
  }

  let written: Written | null = null;
  if (opts.write !== undefined) {
    if (report.invalid.length > 0) throw new UsageError(`not writing anything: ${report.invalid.join(', ')} could not be checked (not a valid manifest, and it may name ${person}); fix it first (idac validate)`);
    const edits: FileEdit[] = [];
    for (const h of report.identities) {
      const sets = Object.entries(h.proposal);
      if (h.file === null || sets.length === 0) continue;
      const before = await readRaw(dir, h.file);
      const result = assign(before, sets.map(([field, value]) => ({ path: field.split('.'), value })));
      if (!result.ok) throw new UsageError(`not writing anything: ${h.file}: ${result.message}`);
      edits.push({ file: h.file, before, after: result.text });
    }
    written = { files: edits.map((e) => e.file), diff: await writeEdits(dir, edits) };
  }
  await emit(format === 'json' ? renderOffboardJson(report, written) : renderOffboardText(report, written), opts.out);
  return 0;
}
