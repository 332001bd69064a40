// idac history: an identity's change log from git — who changed what, when, through which PR.

import { iamCatalog } from '../access/iam-catalog.js';
import { awsServices } from '../access/model.js';
import { buildHistory } from '../features/history/history.js';
import { commitInputs } from '../features/history/read.js';
import { BlobReader, logFolder } from '../io/git-history.js';
import { openRepo } from '../io/git-revisions.js';
import { didYouMean } from '../manifest/schemas.js';
import { parseInstant } from '../common/time.js';
import { messageOf } from '../common/result.js';
import { render } from '../common/renderer.js';
import { historyRenderers } from '../features/history/formats.js';
import { IDENTITIES_DIR } from '../common/layout.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  // History is read from git: the worktree need not hold identities/ any more.
  const { dir } = common(opts, false);
  const format = oneOf('--format', opts.format, historyRenderers.formats, 'text');
  const all = opts.all !== undefined;
  const name = args[0];
  if (all && name !== undefined) throw new UsageError('give an identity NAME or --all, not both');
  if (!all && name === undefined) throw new UsageError('give an identity NAME, or --all for every identity');
  const since = opts.since === undefined ? null : parseInstant(opts.since);
  if (opts.since !== undefined && since === null)
    throw new UsageError(
      `--since ${JSON.stringify(opts.since)} is not an ISO-8601 date (2026-11-23) or date-time with a zone`,
    );

  const repo = openRepo(dir);
  if (!repo.ok)
    throw new UsageError(messageOf(repo).replace('plan compares git revisions', 'history reads git commits'));
  const log = await logFolder(repo.value, IDENTITIES_DIR);
  if (!log.ok) throw new UsageError(messageOf(log));
  const reader = new BlobReader(repo.value.top);
  let commits;
  try {
    commits = await commitInputs(log.value, (oid) => reader.read(oid));
  } finally {
    reader.close();
  }
  const services = new Set<string>();
  for (const c of commits)
    for (const f of c.files)
      for (const s of [f.before, f.after]) if (s?.data) for (const x of awsServices(s.data)) services.add(x);
  await iamCatalog.load([...services]);

  const entries = buildHistory(commits, { only: all ? null : name!, since, catalog: iamCatalog });
  if (
    !all &&
    entries.length === 0 &&
    !commits.some((c) =>
      c.files.some((f) => [f.before, f.after].some((s) => s?.name.toLowerCase() === name!.toLowerCase())),
    )
  ) {
    const names = new Set(
      commits
        .flatMap((c) => c.files.flatMap((f) => [f.before?.name, f.after?.name]))
        .filter((n): n is string => typeof n === 'string'),
    );
    const guess = didYouMean(name!, [...names].sort());
    throw new UsageError(
      `no identity named ${JSON.stringify(name)} in the history of ` +
        `${IDENTITIES_DIR}/${guess ? `; did you mean ${guess}?` : ''}`,
    );
  }
  const report = { identity: all ? null : name!, since: opts.since ?? null, entries };
  await emit(await render(historyRenderers, format, report, undefined), opts.out);
  return 0;
}
