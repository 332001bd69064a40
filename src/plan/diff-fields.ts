// Field-level diff of two manifests (or two sets of provider inputs): mappings recurse by key,
// lists of mappings by index, and a list of scalars is one value, so widening `actions` shows the
// whole list before and after, as a reviewer reads it.

import { formatPath, type Path } from '../common/findings.js';
import type { FieldChange } from './types.js';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLeafList(v: Json[]): boolean {
  return v.every((x) => typeof x !== 'object' || x === null);
}

export function equalJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equalJson(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equalJson(a[k], b[k]));
  }
  return false;
}

/** How a changed external id reads in a diff: that it is set, never its value. */
export const EXTERNAL_ID = '[external id]';

/**
 * Every changed field, in document order of `after` then the removed ones of `before`. An AWS trust's
 * externalId reads as set or absent, never as its value, also inside a trust entry added or removed
 * whole: plans and history land in pull request comments and CI logs, and the id is what stands
 * between a vendor and its other customers.
 */
export function diffFields(before: Json, after: Json): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out.map((c) =>
    /(^|\.)externalId$/.test(c.path)
      ? { path: c.path, before: maskedId(c.before), after: maskedId(c.after) }
      : { path: c.path, before: hideIds(c.before), after: hideIds(c.after) },
  );
}

const maskedId = (v: Json): Json => (v === null || v === undefined ? v : EXTERNAL_ID);

function hideIds(v: Json): Json {
  if (Array.isArray(v)) return v.some((x) => typeof x === 'object' && x !== null) ? v.map(hideIds) : v;
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'externalId' ? maskedId(x) : hideIds(x)]));
}

function walk(a: Json, b: Json, path: Path, out: FieldChange[]): void {
  if (equalJson(a, b)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !Object.hasOwn(b, k))];
    for (const k of keys) walk(a[k] ?? null, b[k] ?? null, [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !(isLeafList(a) && isLeafList(b))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      walk(i < a.length ? a[i] : null, i < b.length ? b[i] : null, [...path, i], out);
    return;
  }
  out.push({ path: formatPath(path), before: a ?? null, after: b ?? null });
}
