// The audit of a repository as it is on disk: its identities read, what needs their owners within
// the window, and the issue body that lists it (idac github audit, with or without --dry-run).

import { loadRepository } from '../../check/repository.js';
import { ok, type Result } from '../../common/result.js';
import { FsSource } from '../../io/fs-source.js';
import { auditItems, renderAuditIssue, type AuditItem } from './audit.js';

export async function auditRepository(
  dir: string,
  now: number,
  window: { ms: number; text: string },
  sections: readonly string[] = [],
): Promise<Result<{ items: AuditItem[]; body: string }>> {
  const repo = await loadRepository(new FsSource(dir));
  if (!repo.ok) {
    // A file that cannot be read stops the command (exit 2), as it does every reader's.
    if (repo.unreadable) throw repo.unreadable.error;
    return repo;
  }
  const org = repo.value.model;
  const items = auditItems(
    repo.value.identities.map(({ file, data }) => ({ file, data })),
    org,
    now,
    window.ms,
  );
  return ok({ items, body: renderAuditIssue(items, org, now, window.text, sections) });
}
