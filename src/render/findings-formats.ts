// The findings formats (validate, codeowners --check, apply's refusal), each loaded on first use.

import type { InventoryEntry } from '../rules/engine.js';
import { registry } from '../common/renderer.js';
import type { FindingsReport } from './findings-report.js';

export interface FindingsOptions {
  color: boolean;
  /** Valid identities, for the inventory under the text findings. */
  inventory?: InventoryEntry[];
  /** The rule's documentation page (json, github, sarif); worked out at the edge. */
  docs: (rule: string) => string | null;
  /** idac itself, as SARIF names the tool. */
  tool: { version: string; informationUri: string };
  /** Where --dir sits in its git repository; asked only by the formats that print git-root paths. */
  gitPrefix: () => string;
}

export const findingsRenderers = registry<FindingsReport, FindingsOptions, 'text' | 'json' | 'github' | 'sarif'>({
  text: async () => {
    const [{ renderText }, { ruleById }] = await Promise.all([
      import('./findings-text.js'),
      import('../rules/index.js'),
    ]);
    return (report, o) =>
      renderText(report, {
        color: o.color,
        meta: (id) => ruleById.get(id)?.meta,
        ...(o.inventory ? { inventory: o.inventory } : {}),
      });
  },
  json: async () => {
    const { renderJson } = await import('./findings-json.js');
    return (report, o) => renderJson(report, { docs: o.docs });
  },
  github: async () => {
    const { renderGithub } = await import('./findings-github.js');
    return (report, o) => renderGithub(report, { gitPrefix: o.gitPrefix() });
  },
  sarif: async () => {
    const { renderSarif } = await import('./findings-sarif.js');
    return (report, o) => renderSarif(report, o.tool, { docs: o.docs, gitPrefix: o.gitPrefix() });
  },
});
