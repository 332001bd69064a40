// `idac report --format json`: the Report as built, keys in the order the model declares them
// (asOf, summary, kpis, owasp, inventory), two-space indent, one trailing newline.

import { jsonDocument } from '../../common/escape.js';
import type { Report } from './types.js';

export function renderReportJson(r: Report): string {
  return jsonDocument(r);
}
