// idac rotation: the static credentials of the repository and where their rotation stands.

import { relative } from 'node:path';
import { rotationReport } from '../compile/rotation-report.js';
import { FsSource } from '../io/fs-source.js';
import { loadRepository } from '../check/repository.js';
import { jsonDocument, terminalSafe } from '../common/escape.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { messageOf } from '../common/result.js';
import { reason } from '../io/fs-source.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json'] as const;

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  const source = new FsSource(dir);
  // An unreadable manifest may hold a credential: without it the list would be incomplete.
  const repo = await loadRepository(source);
  if (!repo.ok && repo.unreadable) {
    const e = repo.unreadable.error;
    const file = (e as NodeJS.ErrnoException | null)?.path;
    throw new UsageError(`cannot read ${file === undefined ? 'a manifest' : relative(dir, file)}: ${reason(e)}`);
  }
  if (!repo.ok) throw new UsageError(messageOf(repo));
  const identities = repo.value.identities.map(({ file, data }) => ({ file, data }));
  const invalid = repo.value.skipped.filter((s) => !s.link).length;
  const rows = rotationReport(identities, repo.value.model, now);
  let text: string;
  if (format === 'json') {
    text = jsonDocument({
      credentials: rows.map((r) => ({
        identity: r.identity,
        kind: r.kind,
        generation: r.generation,
        issued: r.issued,
        nextRotation: r.nextRotation,
        overlapUntil: r.overlapUntil,
        status: r.status,
        ageDays: r.ageDays,
        overdue: r.overdue,
        reason: r.reason,
        file: r.file,
      })),
    });
  } else {
    // A suspended identity's keys are all Inactive: no old credential stays valid, so no window is shown.
    const lines = rows.map(
      (r) =>
        `${terminalSafe(r.identity).padEnd(28)} ${r.kind.padEnd(15)} g${String(r.generation).padEnd(6)} ` +
        `issued ${r.issued ?? 'unknown'}  next ${r.nextRotation ?? 'never'}` +
        `${r.overlapUntil === null ? '' : `  old valid until ${r.overlapUntil}`}  age ` +
        (r.ageDays === null ? 'unknown' : `${r.ageDays}d`) +
        (r.status === 'suspended' ? '  (suspended)' : '') +
        (r.overdue ? `  OVERDUE: ${terminalSafe(r.reason!)}` : ''),
    );
    const overdue = rows.filter((r) => r.overdue).length;
    lines.push(
      '',
      `${rows.length} static credential${rows.length === 1 ? '' : 's'}, ${overdue} ` +
        `overdue` +
        `${invalid ? `; ${invalid} manifest${invalid === 1 ? '' : 's'} skipped (run idac validate)` : ''}.`,
    );
    text = `${lines.join('\n')}\n`;
  }
  await emit(text, opts.out);
  return rows.some((r) => r.overdue) ? 1 : 0;
}
