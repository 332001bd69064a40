// `idac report --format csv`: the inventory, one row per identity, RFC 4180 (CRLF line ends, a
// field quoted when it holds a comma, quote, CR or LF, quotes doubled). Spreadsheets run a cell
// that starts with = + - @ TAB or CR as a formula (OWASP "CSV Injection"), so every text cell
// starting with one gets a leading apostrophe; numbers idac computed are left as numbers. Control,
// bidi and invisible characters (in a file name, a purpose) are shown as \u escapes (escape.ts), so
// neither a terminal showing the file nor a spreadsheet hides what a cell says.

import type { InventoryRow, Report } from './types.js';
import { visible } from '../../common/escape.js';

const COLUMNS: readonly (keyof InventoryRow)[] = [
  'name',
  'type',
  'team',
  'owner',
  'successor',
  'criticality',
  'costCenter',
  'purpose',
  'targets',
  'credential',
  'credentialKinds',
  'login',
  'expires',
  'daysToExpiry',
  'lastReviewed',
  'reviewer',
  'nextReview',
  'reviewOverdue',
  'nextRotation',
  'status',
  'file',
];

export function renderReportCsv(r: Report): string {
  const lines = [COLUMNS.map(field).join(',')];
  for (const row of r.inventory) lines.push(COLUMNS.map((c) => cellOf(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cellOf(value: InventoryRow[keyof InventoryRow]): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return field(visible(Array.isArray(value) ? value.join(' ') : value));
}

/** One text field: neutralised against formula injection, then quoted if RFC 4180 needs it. */
export function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
