// The import summary as text (what was written, then what a person must decide) and as JSON
// (SPEC §5: imported, needsOwner, notExpressible, plus skipped, unplaced, org, unmanagedKeys, warnings).

import { cap, jsonDocument, visible } from '../../../common/escape.js';
import type { ImportSummary } from './import-estate.js';

export interface ImportReport {
  summary: ImportSummary;
  /** --dry-run: the files that would be written, shown in full. */
  dryRun: boolean;
  files: { path: string; text: string }[];
  target: string;
  scope: string;
}

export function importJson(report: ImportReport): string {
  const { summary } = report;
  return jsonDocument({
    imported: summary.imported,
    needsOwner: summary.needsOwner,
    notExpressible: summary.notExpressible,
    skipped: summary.skipped,
    unplaced: summary.unplaced,
    org: summary.org,
    unmanagedKeys: summary.unmanagedKeys,
    warnings: summary.warnings,
    dryRun: report.dryRun,
    ...(report.dryRun ? { files: report.files } : {}),
  });
}

const count = (n: number) => `${n} ${n === 1 ? 'identity' : 'identities'}`;

export function importText(report: ImportReport): string {
  const { summary } = report;
  const out: string[] = [];
  if (report.dryRun)
    for (const f of report.files) out.push(`--- ${visible(f.path)} (would be written)`, f.text.trimEnd(), '');
  const verb = report.dryRun ? 'Would import' : 'Imported';
  out.push(`${verb} ${count(summary.imported.length)} from ${report.target} ${visible(report.scope)}:`);
  for (const i of summary.imported) out.push(`  ${visible(i.file)}  (${visible(i.source)})`);
  if (summary.org.added.length > 0)
    out.push(`${report.dryRun ? 'Would add to' : 'Added to'} ${summary.org.file}: ${summary.org.added.join(', ')}`);
  for (const c of summary.org.conflicts) out.push(`  left alone: ${visible(c)}`);
  if (summary.skipped.length > 0) {
    out.push('', `Skipped ${summary.skipped.length}:`);
    for (const s of summary.skipped) out.push(`  ${visible(s.source)}: ${visible(s.reason)}`);
  }
  if (summary.unplaced.length > 0) {
    out.push('', `Not written, no team (${summary.unplaced.length}):`);
    for (const u of summary.unplaced) out.push(`  ${visible(u.source)}: ${visible(u.reason)}`);
  }
  if (summary.notExpressible.length > 0) {
    out.push('', `Not expressible, reported and not imported (${summary.notExpressible.length}):`);
    for (const n of summary.notExpressible) {
      out.push(`  ${n.identity}: ${visible(n.source)}: ${visible(n.reason)}`);
      out.push(`      ${visible(cap(n.statement))}`);
    }
  }
  if (summary.unmanagedKeys.length > 0) {
    out.push(
      '',
      `Access keys idac does not manage (${summary.unmanagedKeys.length}); remove each once idac delivers its own:`,
    );
    for (const k of summary.unmanagedKeys) out.push(`  ${k.identity}: ${k.keyId} ${k.status}`);
  }
  if (summary.warnings.length > 0) {
    out.push('', 'Warnings about the input:');
    for (const w of summary.warnings) out.push(`  ${visible(w)}`);
  }
  if (summary.needsOwner.length > 0)
    out.push('', `Needs an owner (${summary.needsOwner.length}): ${summary.needsOwner.join(', ')}`);
  if (summary.imported.length > 0)
    out.push(
      '',
      report.dryRun
        ? 'Nothing was written (--dry-run).'
        : 'Next: run idac validate; it lists what a person must decide (owner, successor, purpose, review). ' +
            'Fill those in, then open a pull request.',
    );
  return `${out.join('\n')}\n`;
}
