// Bad input is a diagnostic, never a stack trace: any text, and the fixture export with any one of its
// values replaced by any JSON value, reads as a Result (the estate or the named problem).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAwsExport } from '../../../../src/features/estate/read/aws-export.js';

const CTX = { org: null, now: 0 };
const FIXTURE = JSON.parse(readFileSync('test/fixtures/estate/aws/account.json', 'utf8')) as unknown;

/** Every path to a value in a JSON document. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(v)) return here.concat(v.flatMap((x, i) => paths(x, [...at, i])));
  if (typeof v === 'object' && v !== null)
    return here.concat(Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k])));
  return here;
}
const ALL = paths(FIXTURE).filter((p) => p.length > 0);

function replaced(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(FIXTURE) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('parseAwsExport never throws', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseAwsExport(text, CTX).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('on the fixture with any value replaced by any JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ALL.length - 1 }), fc.jsonValue(), (i, value) => {
        const r = parseAwsExport(JSON.stringify(replaced(ALL[i]!, value)), CTX);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const d of r.diagnostics) expect(d.summary).not.toMatch(/TypeError|undefined is not/);
      }),
      { numRuns: 1000 },
    );
  });
});
