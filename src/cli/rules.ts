// idac rules [ID]: the catalogue (readable text by default; Markdown or JSON on request), or one
// rule in full. An unknown id suggests the closest ones, since ids are easy to half-remember.

import { show } from '../common/findings.js';
import { levenshtein } from '../manifest/schemas.js';
import { render } from '../common/renderer.js';
import { catalogueRenderers, ruleRenderers } from '../render/rule-catalogue-formats.js';
import { ruleById, rules } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { docsUrl } from './package-info.js';
import { emit } from './write.js';

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  common(opts, false);
  const format = oneOf('--format', opts.format, catalogueRenderers.formats, 'text');
  const id = args[0];
  if (id === undefined) {
    await emit(await render(catalogueRenderers, format, rules, { docs: docsUrl }), opts.out);
    return 0;
  }
  const rule = ruleById.get(id);
  if (!rule) throw new UsageError(unknown(id));
  await emit(await render(ruleRenderers, format, rule, { docs: docsUrl }), opts.out);
  return 0;
}

function unknown(id: string): string {
  const near = closestIds(id, rules);
  return (
    `no rule ${show(id, 60)}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (idac rules lists them ` + `all)`
  );
}

/**
 * The ids nearest to what was typed: first the ids sharing its last segment or containing it
 * (`no-wildcard` → aws/no-wildcard-action, k8s/no-wildcard), else the ids within a few edits.
 */
export function closestIds(input: string, all: readonly Rule[]): string[] {
  const typed = input.toLowerCase();
  const ids = all.map((r) => r.meta.id).sort();
  const name = typed.slice(typed.lastIndexOf('/') + 1);
  const containing =
    name.length >= 3
      ? ids.filter((id) => id.includes(name) || (typed.includes('/') && id.slice(id.indexOf('/') + 1) === name))
      : [];
  if (containing.length > 0) return containing.slice(0, 5);
  const scored = ids
    .map((id) => ({ id, d: levenshtein(typed, id) }))
    .filter((s) => s.d <= Math.max(2, Math.floor(s.id.length / 4)))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  return scored.slice(0, 3).map((s) => s.id);
}
