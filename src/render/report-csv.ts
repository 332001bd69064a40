// `idac report --format csv`: the inventory, one row per identity, RFC 4180 (CRLF line ends, a
// field quoted when it holds a comma, quote, CR or LF, quotes doubled). Spreadsheets run a cell
// that starts with = + - @ TAB or CR as a formula (OWASP "CSV Injection"), so every text cell
// starting with one gets a leading apostrophe; numbers idac computed are left as numbers.

import type { InventoryRow, Report } from '../report/types.js';

const COLUMNS: readonly (keyof InventoryRow)[] = [
  'name', 'type', 'team', 'owner', 'successor', 'criticality', 'costCenter', 'purpose', 'targets', 'credential', 'credentialKinds',
  'expires', 'daysToExpiry', 'lastReviewed', 'reviewer', 'nextReview', 'reviewOverdue', 'nextRotation', 'status', 'file',
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
  return field(Array.isArray(value) ? value.join(' ') : value);
}

/** One text field: neutralised against formula injection, then quoted if RFC 4180 needs it. */
export function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
