// idac github audit: the nightly issue listing what needs its owners (expiry, access review,
// rotation policy, certificate renewals), created, updated in place, or closed when empty.
// --dry-run prints the issue body instead and needs no token.

import { AUDIT_MARKER, AUDIT_TITLE } from '../features/github/audit.js';
import { auditRepository } from '../features/github/audit-repository.js';
import { upsertStickyIssue } from '../features/github/sticky-issue.js';
import { messageOf } from '../common/result.js';
import { parseDuration } from '../common/time.js';
import { common } from './common.js';
import { UsageError } from './errors.js';
import { connect, failed, resolveAuthor, waited } from './github.js';
import { emit } from './write.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const windowText = opts.window ?? '30d';
  const window = parseDuration(windowText);
  if (window === null)
    throw new UsageError(`--window ${JSON.stringify(windowText)} is not a duration: <int>(m|h|d), e.g. 30d`);
  if (opts.out !== undefined && opts.dryRun === undefined)
    throw new UsageError('--out goes with --dry-run; without it idac github audit writes the issue on GitHub');
  const audit = await auditRepository(dir, now, { ms: window, text: windowText });
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
    items.length > 0 ? { title: AUDIT_TITLE, body } : null,
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
      `item${items.length === 1 ? '' : 's'}\n`,
  );
  process.stdout.write(waited(c.client));
  return 0;
}
