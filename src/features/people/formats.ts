// The offboard formats, each loaded on first use.

import { registry } from '../../common/renderer.js';
import type { OffboardReport } from './offboard.js';
import type { OffboardNext, Written } from './render.js';

/** What offboard prints: the report, what was written (null: nothing asked) and what is left to do. */
export interface OffboardOutput {
  report: OffboardReport;
  written: Written | null;
  next: OffboardNext;
}

export const offboardRenderers = registry<OffboardOutput, undefined, 'text' | 'json'>({
  text: async () => {
    const { renderOffboardText } = await import('./render.js');
    return (o) => renderOffboardText(o.report, o.written, o.next);
  },
  json: async () => {
    const { renderOffboardJson } = await import('./render.js');
    return (o) => renderOffboardJson(o.report, o.written, o.next);
  },
});
