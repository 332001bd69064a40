// Findings in the format a command was asked for: the one switch validate, codeowners --check and
// apply's refusal share.

import { createRequire } from 'node:module';
import type { FindingsReport } from '../render/findings-json.js';
import type { InventoryEntry } from '../rules/engine.js';
import { ruleById } from '../rules/index.js';

export type FindingsFormat = 'text' | 'json' | 'github' | 'sarif';

export async function renderFindings(format: FindingsFormat, report: FindingsReport, opts: { color: boolean; inventory?: InventoryEntry[] }): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/findings-json.js')).renderJson(report);
    case 'github':
      return (await import('../render/findings-github.js')).renderGithub(report);
    case 'sarif':
      return (await import('../render/findings-sarif.js')).renderSarif(report, { version: (createRequire(import.meta.url)('../../package.json') as { version: string }).version });
    default:
      return (await import('../render/findings-text.js')).renderText(report, { color: opts.color, meta: (id) => ruleById.get(id)?.meta, ...(opts.inventory ? { inventory: opts.inventory } : {}) });
  }
}
