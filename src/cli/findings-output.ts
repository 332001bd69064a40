// Findings in the format a command was asked for: the one switch validate, codeowners --check and
// apply's refusal share. The links (documentation URLs, the git root) are worked out here, at the
// edge, and only for the formats that print them.

import type { FindingLinks, FindingsReport } from '../render/findings-report.js';
import type { InventoryEntry } from '../rules/engine.js';
import { ruleById } from '../rules/index.js';
import { docsUrl, homepage, version } from './package-info.js';

export type FindingsFormat = 'text' | 'json' | 'github' | 'sarif';

/** `dir`: the identity repo's root (--dir); GitHub and SARIF paths are made relative to its git root. */
export async function renderFindings(format: FindingsFormat, report: FindingsReport, opts: { color: boolean; dir: string; inventory?: InventoryEntry[] }): Promise<string> {
  const links = async (): Promise<FindingLinks> => ({ docs: docsUrl, gitPrefix: (await import('../io/git-revisions.js')).gitPrefix(opts.dir) });
  switch (format) {
    case 'json':
      return (await import('../render/findings-json.js')).renderJson(report, { docs: docsUrl });
    case 'github':
      return (await import('../render/findings-github.js')).renderGithub(report, await links());
    case 'sarif':
      return (await import('../render/findings-sarif.js')).renderSarif(report, { version, informationUri: homepage }, await links());
    default:
      return (await import('../render/findings-text.js')).renderText(report, { color: opts.color, meta: (id) => ruleById.get(id)?.meta, ...(opts.inventory ? { inventory: opts.inventory } : {}) });
  }
}
