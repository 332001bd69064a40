// idac github audit: the nightly issue listing what needs its owners (expiry, access review,
// rotation policy, certificate renewals), created, updated in place, or closed when empty.
// --dry-run prints the issue body instead and needs no token.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AUDIT_MARKER, AUDIT_TITLE } from '../features/github/audit.js';
import { parseDriftReport } from '../features/estate/drift/report-file.js';
import { driftCounts, driftMarkdown } from '../features/estate/drift/render.js';
import { drifted } from '../features/estate/drift/types.js';
import { reason } from '../io/fs-source.js';
import { fingerprint, secretMatches } from '../rules/secrets.js';
import { auditRepository } from '../features/github/audit-repository.js';
import { upsertStickyIssue } from '../features/github/sticky-issue.js';
import { messageOf } from '../common/result.js';
import { parseDuration } from '../common/time.js';
import { common } from './common.js';
import { UsageError } from './errors.js';
import { connect, failed, resolveAuthor, waited } from './github.js';
import { emit } from './write.js';

/** How long the issue's Drift section may grow: GitHub caps an issue body at 65,536 characters. */
const DRIFT_CHARS = 40_000;

/** The largest drift report read (the artifact of the drift job). */
const MAX_DRIFT_BYTES = 8 * 1024 * 1024;

/**
 * --drift FILE: the report of `idac drift --format json` as the issue's Drift section. Read as data
 * (checked field by field, escaped when rendered); a secret in it stops the command, as a plan does.
 */
async function driftSection(
  path: string,
  file: string,
): Promise<{ markdown: string; drifted: boolean; counts: string }> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_DRIFT_BYTES) throw new UsageError(`--drift ${file} is larger than 8 MiB`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--drift ${file}: ${reason(e)}`);
  }
  const found = await secretMatches(text);
  if (found.length > 0)
    throw new UsageError(
      `--drift ${file} holds a secret (${found[0]!.rule}, fingerprint ${fingerprint(found[0]!.text)}): not posting ` +
        'it; nothing was written on GitHub',
      1,
    );
  const report = parseDriftReport(text, file);
  if (!report.ok) throw new UsageError(messageOf(report));
  return {
    markdown: driftMarkdown(report.value, { maxChars: DRIFT_CHARS }),
    drifted: drifted(report.value),
    counts: driftCounts(report.value),
  };
}

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, base, now } = common(opts);
  const windowText = opts.window ?? '30d';
  const window = parseDuration(windowText);
  if (window === null)
    throw new UsageError(`--window ${JSON.stringify(windowText)} is not a duration: <int>(m|h|d), e.g. 30d`);
  if (opts.out !== undefined && opts.dryRun === undefined)
    throw new UsageError('--out goes with --dry-run; without it idac github audit writes the issue on GitHub');
  const drift = opts.drift === undefined ? null : await driftSection(resolve(base, opts.drift), opts.drift);
  const audit = await auditRepository(dir, now, { ms: window, text: windowText }, drift ? [drift.markdown] : []);
  if (!audit.ok) throw new UsageError(messageOf(audit));
  const { items, body } = audit.value;
  if (opts.dryRun !== undefined) {
    await emit(body, opts.out);
    return 0;
  }
  const c = await connect(opts.author, opts.timeout);
  const author = await resolveAuthor(c, 'issue');
  const result = await upsertStickyIssue(
    c.client,
    { owner: c.owner, repo: c.repo, marker: AUDIT_MARKER, author },
    items.length > 0 || drift?.drifted ? { title: AUDIT_TITLE, body } : null,
  );
  if (!result.ok) return failed(result, 'issue');
  const what = {
    created: 'created',
    updated: 'updated',
    closed: 'closed (nothing left)',
    none: 'not needed (nothing to report)',
  }[result.action];
  process.stdout.write(
    `audit issue ${what}${result.number ? `: ${c.owner}/${c.repo}#${result.number}` : ''}; ${items.length} ` +
      `item${items.length === 1 ? '' : 's'}${drift ? `; drift: ${drift.counts}` : ''}\n`,
  );
  process.stdout.write(waited(c.client));
  return 0;
}
