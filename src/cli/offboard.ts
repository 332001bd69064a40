// idac offboard PERSON: what a person's departure leaves behind — every identity they own, succeed,
// reviewed or approved — and, with --write, the owner handed to the successor in place (the rest
// of each file untouched) with the diff to commit. With --successor the new successors are written
// too, checked as validate will check them; without it the output says exactly what is left.

import { show } from '../common/findings.js';
import { assign } from '../manifest/edit.js';
import { didYouMean } from '../manifest/schemas.js';
import { isEmail } from '../features/people/email.js';
import { nearestPerson } from '../model/org.js';
import { offboardReport, peopleNamed, withSuccessors, type SuccessorChoice } from '../features/people/offboard.js';
import type { Written } from '../features/people/render.js';
import { offboardNext } from '../features/people/next.js';
import { offboardRenderers } from '../features/people/formats.js';
import { render } from '../common/renderer.js';
import { common, oneOf } from './common.js';
import { exitCodeOf, UsageError } from './errors.js';
import {
  readManifests,
  readRaw,
  readRawAsRead,
  refuseSecretArguments,
  writeEdits,
  type FileEdit,
} from './manifest-files.js';
import { emit } from './write.js';
import { messageOf } from '../common/result.js';

const TEAM = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir } = common(opts);
  const person = args[0] ?? '';
  if (!isEmail(person))
    throw new UsageError(`${show(person)} is not an e-mail address; PERSON is the address the manifests name`);
  const format = oneOf('--format', opts.format, offboardRenderers.formats, 'text');
  await refuseSecretArguments({ '--successor': opts.successor });
  const choice = successorChoice(opts.successor);
  const repo = await readManifests(dir);
  // A file that does not load cannot be read for roles; if it might name the person, say so.
  const needle = person.toLowerCase();
  const unchecked = repo.invalid
    .filter((f) => f.text === null || f.text.toLowerCase().includes(needle))
    .map((f) => f.file);
  let report = offboardReport(person, repo.identities, repo.org, unchecked);
  // Nothing to hand over for an address a typo away from someone who is named: say so, not "nothing to do".
  if (
    report.identities.length === 0 &&
    report.invalid.length === 0 &&
    !report.org?.teams.length &&
    !report.org?.securityOwner
  ) {
    const near = nearestPerson(person, peopleNamed(repo.identities, repo.org));
    if (near) throw new UsageError(`${person} is named by no manifest and not in org.yaml; did you mean ${near}?`);
  }
  if (choice) {
    const chosen = withSuccessors(report, repo.identities, repo.org, choice, didYouMean);
    if (!chosen.ok) {
      const message = messageOf(chosen);
      throw new UsageError(`${message}${/[.?]$/.test(message) ? '' : '.'} Nothing was written.`, exitCodeOf(chosen));
    }
    report = chosen.value;
  }

  let written: Written | null = null;
  const texts = new Map<string, string>();
  if (opts.write !== undefined) {
    if (report.invalid.length > 0)
      throw new UsageError(
        `not writing anything: ${report.invalid.join(', ')} could not be checked (not a valid manifest, and ` +
          `it may name ${person}); fix it first (idac validate)`,
        1,
      );
    const edits: FileEdit[] = [];
    for (const h of report.identities) {
      const sets = Object.entries(h.proposal);
      if (h.file === null || sets.length === 0) continue;
      const raw = await readRawAsRead(dir, h.file, repo.identities.find((i) => i.file === h.file)?.data);
      const assignments = sets.map(([field, value]) => ({ path: field.split('.'), value }));
      const result = assign(raw.text, assignments);
      if (!result.ok) throw new UsageError(`not writing anything: ${h.file}: ${messageOf(result)}`, 1);
      edits.push({ raw, after: result.text, expect: 'MachineIdentity', changes: assignments });
      texts.set(h.file, result.text);
    }
    written = { files: edits.map((e) => e.raw.file), diff: await writeEdits(dir, edits), successors: choice !== null };
  }

  const next = await offboardNext(
    report,
    repo.identities,
    repo.org,
    written,
    async (file) => texts.get(file) ?? (await readRaw(dir, file)).text,
  );
  await emit(await render(offboardRenderers, format, { report, written, next }, undefined), opts.out);
  return 0;
}

/** `--successor EMAIL` and/or `--successor TEAM=EMAIL` (repeated); null when not given. */
function successorChoice(value: unknown): SuccessorChoice | null {
  if (value === undefined) return null;
  const list = (Array.isArray(value) ? value : [value]).map(String);
  let any: string | null = null;
  const byTeam = new Map<string, string>();
  for (const item of list) {
    const eq = item.indexOf('=');
    const team = eq < 0 ? null : item.slice(0, eq);
    const email = eq < 0 ? item : item.slice(eq + 1);
    if (team !== null && !TEAM.test(team))
      throw new UsageError(
        `--successor ${show(item)}: ${show(team)} is not a team name; use --successor EMAIL or --successor TEAM=EMAIL`,
      );
    if (!isEmail(email))
      throw new UsageError(
        `--successor ${show(item)}: ${show(email)} is not an e-mail address; use --successor EMAIL or ` +
          `--successor TEAM=EMAIL`,
      );
    if (team === null) {
      if (any !== null)
        throw new UsageError(
          `--successor given twice without a team (${any}, ${email}): name the team of each, --successor TEAM=EMAIL`,
        );
      any = email;
    } else {
      if (byTeam.has(team)) throw new UsageError(`--successor ${team}=… given twice: one successor per team`);
      byTeam.set(team, email);
    }
  }
  return { any, byTeam };
}
