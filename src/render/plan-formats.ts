// The plan formats (idac plan, the PR comment), each loaded on first use.

import { registry } from '../common/renderer.js';
import type { Plan } from '../plan/types.js';

export interface PlanOptions {
  color: boolean;
  /** The rule's documentation page (json); worked out at the edge. */
  docs: (rule: string) => string | null;
}

export const planRenderers = registry<Plan, PlanOptions, 'text' | 'json' | 'markdown'>({
  text: async () => {
    const { renderPlanText } = await import('./plan-text.js');
    return (plan, o) => renderPlanText(plan, { color: o.color });
  },
  json: async () => {
    const { renderPlanJson } = await import('./plan-json.js');
    return (plan, o) => renderPlanJson(plan, { docs: o.docs });
  },
  markdown: async () => {
    const { renderPlanMarkdown } = await import('./plan-markdown.js');
    return (plan) => renderPlanMarkdown(plan);
  },
});
