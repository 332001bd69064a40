// The order a stack's resources are registered in, and what each depends on: every Ref in its inputs
// and every `dependsOn` name. Pulumi derives dependencies from Outputs anyway; listing them
// explicitly keeps the program free of decisions and makes them checkable.

import { isRef, type DesiredResource, type Input } from '../compile/types.js';
import { failAll, ok, type Result } from '../common/result.js';

export interface Ordered {
  resource: DesiredResource;
  /** Logical names this resource waits for, sorted. */
  dependsOn: string[];
}

export type OrderResult = Result<Ordered[]>;

export function refsIn(value: Input, out: Set<string> = new Set()): Set<string> {
  if (isRef(value)) out.add(value.$ref);
  else if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) refsIn(v, out);
  return out;
}

/** Dependencies first, otherwise logical-name order (stable for the same input). */
export function registrationOrder(resources: readonly DesiredResource[]): OrderResult {
  const byName = new Map<string, DesiredResource>();
  const errors: string[] = [];
  for (const r of resources) {
    if (byName.has(r.name)) errors.push(`two resources are named ${r.name}`);
    byName.set(r.name, r);
  }
  const deps = new Map<string, string[]>();
  for (const r of byName.values()) {
    const names = refsIn(r.inputs);
    for (const d of r.dependsOn ?? []) names.add(d);
    for (const d of names) if (!byName.has(d)) errors.push(`${r.name} refers to ${d}, which is not in the stack`);
    deps.set(r.name, [...names].sort());
  }
  if (errors.length > 0) return failAll(errors);

  const out: Ordered[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      errors.push(`dependency cycle: ${[...path.slice(path.indexOf(name)), name].join(' → ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name)!) visit(d, [...path, name]);
    state.set(name, 'done');
    out.push({ resource: byName.get(name)!, dependsOn: deps.get(name)! });
  };
  for (const name of [...byName.keys()].sort()) visit(name, []);
  return errors.length > 0 ? failAll(errors) : ok(out);
}
