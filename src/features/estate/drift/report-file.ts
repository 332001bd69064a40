// A drift report read back from `idac drift --format json` (the nightly audit passes it from the job
// that holds read-only cloud credentials to the one that writes the issue, as an artifact). It is
// data from outside: every field is checked, unknown keys are refused, and nothing is trusted to
// be escaped — the renderers escape it again.

import { fail, ok, type Result } from '../../../common/result.js';
import type { DriftReport } from './types.js';

type Shape = Record<string, 'string' | 'string?' | 'string|null' | 'differences'>;

const ENTRY: Shape = { target: 'string', id: 'string', identity: 'string?', file: 'string?' };
const SHAPES: Record<keyof DriftReport, Shape> = {
  orphans: { ...ENTRY, name: 'string' },
  unmanagedKeys: {
    ...ENTRY,
    keyId: 'string',
    status: 'string',
    created: 'string?',
    lastUsed: 'string?',
    reason: 'string',
  },
  changed: { ...ENTRY, differences: 'differences' },
  missing: { ...ENTRY, status: 'string' },
};
const DIFFERENCE: Shape = {
  field: 'string',
  manifest: 'string|null',
  live: 'string|null',
  source: 'string?',
  reason: 'string?',
};
const TARGETS = new Set(['aws', 'kubernetes', 'vault']);

export function parseDriftReport(text: string, file: string): Result<DriftReport> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail(`${file} is not JSON: write it with idac drift --format json --out ${file}`);
  }
  if (!isObject(doc))
    return fail(`${file} is not a drift report: expected {"orphans", "unmanagedKeys", "changed", "missing"}`);
  for (const key of Object.keys(SHAPES) as (keyof DriftReport)[]) {
    const list = doc[key];
    if (!Array.isArray(list)) return fail(`${file}: ${key} is not a list; write it with idac drift --format json`);
    for (const [i, entry] of list.entries()) {
      const problem = check(entry, SHAPES[key]);
      if (problem !== null) return fail(`${file}: ${key}[${i}]${problem}`);
      if (!TARGETS.has((entry as { target: string }).target))
        return fail(`${file}: ${key}[${i}].target is not aws, kubernetes or vault`);
    }
  }
  const extra = Object.keys(doc).filter((k) => !(k in SHAPES));
  if (extra.length > 0)
    return fail(`${file} holds ${extra.map((k) => JSON.stringify(k)).join(', ')}: not a drift report`);
  return ok(doc as unknown as DriftReport);
}

/** What is wrong with `value` against `shape`, or null. */
function check(value: unknown, shape: Shape): string | null {
  if (!isObject(value)) return ' is not an object';
  for (const key of Object.keys(value)) if (!(key in shape)) return ` has an unknown key ${JSON.stringify(key)}`;
  for (const [key, kind] of Object.entries(shape)) {
    const v = value[key];
    if (kind === 'string' && typeof v !== 'string') return `.${key} is not a string`;
    if (kind === 'string?' && v !== undefined && typeof v !== 'string') return `.${key} is not a string`;
    if (kind === 'string|null' && v !== null && typeof v !== 'string') return `.${key} is not a string or null`;
    if (kind === 'differences') {
      if (!Array.isArray(v)) return `.${key} is not a list`;
      for (const [i, d] of v.entries()) {
        const problem = check(d, DIFFERENCE);
        if (problem !== null) return `.${key}[${i}]${problem}`;
      }
    }
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
