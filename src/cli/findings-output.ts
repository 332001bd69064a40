// Findings in the format a command was asked for (validate, codeowners --check): the links
// (documentation URLs, the git root) are worked out here, at the edge, and only asked for by the
// formats that print them.

import { gitPrefix } from '../io/git-revisions.js';
import { findingsRenderers, type FindingsOptions } from '../render/findings-formats.js';
import type { FindingsReport } from '../render/findings-report.js';
import type { InventoryEntry } from '../rules/engine.js';
import { render } from '../common/renderer.js';
import { docsUrl, homepage, version } from './package-info.js';

export type FindingsFormat = (typeof findingsRenderers.formats)[number];

/** What every findings format needs from the edge; `dir` is the identity repo's root (--dir). */
export function findingsOptions(opts: { color: boolean; dir: string; inventory?: InventoryEntry[] }): FindingsOptions {
  return {
    color: opts.color,
    ...(opts.inventory ? { inventory: opts.inventory } : {}),
    docs: docsUrl,
    tool: { version, informationUri: homepage },
    gitPrefix: () => gitPrefix(opts.dir),
  };
}

/** `dir`: the identity repo's root (--dir); GitHub and SARIF paths are made relative to its git root. */
export async function renderFindings(
  format: FindingsFormat,
  report: FindingsReport,
  opts: { color: boolean; dir: string; inventory?: InventoryEntry[] },
): Promise<string> {
  return render(findingsRenderers, format, report, findingsOptions(opts));
}
