// idac codeowners [--check]: writes .github/CODEOWNERS from the manifests, or checks that it is
// current (src/features/codeowners/). This file parses the flags and prints.

import { checkCodeowners } from '../features/codeowners/check.js';
import { writeCodeowners } from '../features/codeowners/write.js';
import { messageOf } from '../common/result.js';
import { CODEOWNERS_FILE } from '../common/layout.js';
import { findingsRenderers } from '../render/findings-formats.js';
import { common, oneOf, useColor } from './common.js';
import { UsageError } from './errors.js';
import { renderFindings } from './findings-output.js';
import { emit } from './write.js';

const FORMATS = findingsRenderers.only(['text', 'json', 'github']).formats;

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  // Without --check the command writes .github/CODEOWNERS: an --out taken for a preview would be ignored.
  if (opts.check === undefined && (opts.out !== undefined || opts.format !== undefined))
    throw new UsageError(
      `${opts.out !== undefined ? '--out' : '--format'} goes with --check; without it idac codeowners ` +
        `writes ${CODEOWNERS_FILE}`,
    );

  if (opts.check === undefined) {
    const written = await writeCodeowners(dir);
    if (!written.ok) throw new UsageError(messageOf(written));
    const w = written.value;
    if (w.kind === 'refused') throw new UsageError(w.message, 1);
    if (w.unsafe.length === 0) {
      process.stdout.write(w.summary);
      return 0;
    }
    process.stdout.write(
      `${w.summary}\n` +
        (await renderFindings(
          'text',
          { identities: w.identities, findings: w.unsafe },
          { color: useColor(process.stdout), dir },
        )),
    );
    return 1;
  }

  const checked = await checkCodeowners(dir, now);
  if (!checked.ok) throw new UsageError(messageOf(checked));
  const { identities, findings, upToDate } = checked.value;
  const out =
    format === 'text' && findings.length === 0
      ? upToDate
      : await renderFindings(
          format,
          { identities, findings },
          { color: opts.out === undefined && useColor(process.stdout), dir },
        );
  await emit(out, opts.out);
  return findings.length > 0 ? 1 : 0;
}
