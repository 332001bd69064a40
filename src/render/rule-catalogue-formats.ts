// The rule catalogue's formats (idac rules, idac rules ID), each loaded on first use.

import { registry } from '../common/renderer.js';
import type { Rule } from '../rules/types.js';

export interface CatalogueOptions {
  /** The rule's documentation page (json); worked out at the edge. */
  docs: (id: string) => string | null;
}

/** Every rule. */
export const catalogueRenderers = registry<readonly Rule[], CatalogueOptions, 'text' | 'markdown' | 'json'>({
  text: async () => (await import('./rule-catalogue.js')).catalogueText,
  markdown: async () => (await import('./rule-catalogue.js')).catalogueMarkdown,
  json: async () => {
    const { catalogueJson } = await import('./rule-catalogue.js');
    return (rules, { docs }) => catalogueJson(rules, docs);
  },
});

/** One rule in full. */
export const ruleRenderers = registry<Rule, CatalogueOptions, 'text' | 'markdown' | 'json'>({
  text: async () => (await import('./rule-catalogue.js')).ruleText,
  markdown: async () => (await import('./rule-catalogue.js')).ruleMarkdown,
  json: async () => {
    const { ruleJson } = await import('./rule-catalogue.js');
    return (rule, { docs }) => ruleJson(rule, docs);
  },
});
