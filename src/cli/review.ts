// idac review: which identities are due for an access review, per owner (exit 1 when one is
// overdue, like idac rotation); `idac review attest NAME --reviewer EMAIL` records a review in the
// manifest and prints the diff to commit.

import { show } from '../common/findings.js';
import { ORG_FILE } from '../common/layout.js';
import { didYouMean } from '../manifest/schemas.js';
import { didYouMeanPerson, lower, nearestPerson } from '../model/org.js';
import { peopleNamed } from '../features/people/offboard.js';
import { isEmail, samePerson } from '../features/people/email.js';
import { terminalSafe } from '../common/escape.js';
import { attestationRenderers, reviewRenderers } from '../features/review/formats.js';
import { render } from '../common/renderer.js';
import { attestChanges, attestText } from '../features/review/attest.js';
import { reviewsDue } from '../features/review/due.js';
import { isoDate, isoInstant, parseDuration } from '../common/time.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { readManifests, readRaw, readRawAsRead, refuseSecretArguments, writeEdits } from './manifest-files.js';
import { emit } from './write.js';
import { messageOf } from '../common/result.js';

const NAME = /^[a-z][a-z0-9-]{1,46}[a-z0-9]$/;

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const verb = args[0];
  if (verb === undefined) return list(opts);
  throw new UsageError(
    `unknown review command ${show(verb)}: use \`idac review\` to list what is due or \`idac review attest ` +
      `NAME --reviewer EMAIL\``,
  );
}

async function list(opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, reviewRenderers.formats, 'text');
  const within = opts.due ?? '30d';
  const window = parseDuration(within);
  if (window === null) throw new UsageError(`--due ${show(within)} is not a duration: <int>(m|h|d), e.g. 30d`);
  if (opts.owner !== undefined && !isEmail(opts.owner))
    throw new UsageError(`--owner ${show(opts.owner)} is not an e-mail address`);
  const repo = await readManifests(dir);
  if (!repo.org)
    throw new UsageError(
      `${ORG_FILE} is missing or not valid (run idac validate): review intervals come from its limits.reviewEvery`,
    );
  const owner = opts.owner;
  if (
    owner !== undefined &&
    !repo.identities.some((i) => samePerson(i.data.spec.stewardship.owner ?? '', owner)) &&
    !repo.org.people.has(lower(owner))
  ) {
    const near = nearestPerson(owner, peopleNamed(repo.identities, repo.org));
    if (near) throw new UsageError(`--owner ${owner} owns no identity and is not in org.yaml; did you mean ${near}?`);
  }
  const owners = reviewsDue(repo.identities, repo.org, now, window, owner);
  const report = { now: isoInstant(now), within, reviewEvery: repo.org.spec.limits?.reviewEvery ?? null, owners };
  await emit(await render(reviewRenderers, format, report, undefined), opts.out);
  return owners.some((o) => o.reviews.some((r) => r.state === 'overdue')) ? 1 : 0;
}

export async function runAttest(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const name = args[0];
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, attestationRenderers.formats, 'text');
  if (name === undefined || !NAME.test(name))
    throw new UsageError(
      `${show(name ?? '')} is not an identity name (^[a-z][a-z0-9-]{1,46}[a-z0-9]$): idac review attest ` +
        `NAME --reviewer EMAIL`,
    );
  const reviewer = opts.reviewer ?? '';
  await refuseSecretArguments({ '--reviewer': reviewer });
  if (!isEmail(reviewer))
    throw new UsageError(
      reviewer === ''
        ? '--reviewer EMAIL is required: who reviewed the access'
        : `--reviewer ${show(reviewer)} is not an e-mail address`,
    );
  const repo = await readManifests(dir);
  const found = repo.identities.filter((i) => i.data.metadata.name === name);
  if (found.length === 0) {
    const broken = repo.invalid.find((f) => f.file.replace(/^.*\//, '').replace(/\.ya?ml$/i, '') === name);
    const guess = didYouMean(
      name,
      repo.identities.map((i) => i.data.metadata.name),
    );
    // A file validate cannot read as text is refused with the reader's reason, like revoke does.
    if (broken?.text === null) await readRaw(dir, broken.file);
    if (broken)
      throw new UsageError(`not editing ${broken.file}: it is not a valid manifest; fix it first (idac validate)`, 1);
    throw new UsageError(`no identity ${name} under identities/${guess ? `; did you mean ${guess}?` : ''}`);
  }
  if (found.length > 1)
    throw new UsageError(
      `${name} is in more than one file (${found.map((f) => f.file).join(', ')}); run idac validate`,
    );
  const { file, data } = found[0]!;
  // The same four-eyes and known-person checks validate makes (stewardship/reviewer-not-owner,
  // stewardship/reviewer-known): a review that validate would reject is not recorded.
  if (samePerson(reviewer, data.spec.stewardship.owner ?? ''))
    throw new UsageError(
      `${reviewer} owns ${name}; the review must be done by someone else (stewardship/reviewer-not-owner)`,
    );
  if (repo.org && !repo.org.people.has(lower(reviewer)))
    throw new UsageError(
      `${reviewer} is neither a team member nor a security owner in ` +
        `org.yaml${didYouMeanPerson(reviewer, repo.org.people)} (stewardship/reviewer-known)`,
    );
  const lastReviewed = isoDate(now);
  const raw = await readRawAsRead(dir, file, data);
  const result = attestText(raw.text, { lastReviewed, reviewer });
  if (!result.ok) throw new UsageError(`${file}: ${messageOf(result)}`);
  const diff = await writeEdits(dir, [
    { raw, after: result.text, expect: 'MachineIdentity', changes: attestChanges({ lastReviewed, reviewer }) },
  ]);
  const attestation = { identity: name, file, lastReviewed, reviewer, diff };
  await emit(await render(attestationRenderers, format, attestation, undefined), opts.out);
  process.stderr.write(
    `idac: ${terminalSafe(file)}: review recorded (${lastReviewed} by ${terminalSafe(reviewer)}). Commit it ` +
      `and open a pull request.\n`,
  );
  return 0;
}
