// The audit of a repository as it is on disk: its identities read, what needs their owners within
// the window, and the issue body that lists it (idac github audit, with or without --dry-run).

import { ORG_FILE } from '../../check/validate.js';
import { readRepository } from '../../check/read.js';
import { fail, ok, type Result } from '../../common/result.js';
import { FsSource } from '../../io/fs-source.js';
import { orgModel } from '../../model/org.js';
import { auditItems, renderAuditIssue, type AuditItem } from './audit.js';

export async function auditRepository(dir: string, now: number, window: { ms: number; text: string }): Promise<Result<{ items: AuditItem[]; body: string }>> {
  const repo = await readRepository(new FsSource(dir), ORG_FILE);
  if (!repo.ok) return fail(repo.message);
  const org = repo.value.org ? orgModel(repo.value.org) : null;
  const items = auditItems(repo.value.identities, org, now, window.ms);
  return ok({ items, body: renderAuditIssue(items, org, now, window.text) });
}
