// idac rotation: the static credentials of the repository and where their rotation stands.

import { relative } from 'node:path';
import { rotationReport } from '../compile/rotation-report.js';
import { FsSource } from '../io/fs-source.js';
import { loadRepository } from '../check/repository.js';
import { render } from '../common/renderer.js';
import { rotationRenderers } from '../render/rotation-formats.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { messageOf } from '../common/result.js';
import { reason } from '../io/fs-source.js';
import { emit } from './write.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, rotationRenderers.formats, 'text');
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
  await emit(await render(rotationRenderers, format, { rows, invalid }, undefined), opts.out);
  return rows.some((r) => r.overdue) ? 1 : 0;
}
