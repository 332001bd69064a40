// idac rotation's two outputs. JSON: one object per static credential; text: one line per
// credential and a closing count. Every value that came from a manifest goes through terminalSafe.

import type { CredentialRow } from '../compile/rotation-report.js';
import { jsonDocument, terminalSafe } from '../common/escape.js';

/** The credentials, and how many manifests were skipped as not valid (text says so). */
export interface RotationList {
  rows: readonly CredentialRow[];
  invalid: number;
}

export function rotationJson({ rows }: RotationList): string {
  return jsonDocument({
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
}

export function rotationText({ rows, invalid }: RotationList): string {
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
  return `${lines.join('\n')}\n`;
}
