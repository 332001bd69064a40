// A drift report read back (the audit job's artifact): what idac drift wrote reads back whole; a
// file of another shape is refused with where it is wrong.
import { describe, expect, it } from 'vitest';
import { parseDriftReport } from '../../../src/features/estate/drift/report-file.js';
import { driftJson } from '../../../src/features/estate/drift/render.js';
import type { DriftReport } from '../../../src/features/estate/drift/types.js';

const REPORT: DriftReport = {
  orphans: [{ target: 'aws', id: 'arn:aws:iam::1:role/x', name: 'x' }],
  unmanagedKeys: [
    {
      target: 'aws',
      id: 'arn:aws:iam::1:user/u',
      keyId: 'AKIA…WXYZ',
      status: 'Active',
      reason: 'no manifest declares this user',
    },
  ],
  changed: [
    {
      target: 'vault',
      id: 'vault:auth/approle/role/b',
      identity: 'b',
      file: 'identities/t/b.yaml',
      differences: [{ field: 'vault.paths', manifest: null, live: 'read on kv/x', source: 'policy p', reason: 'r' }],
    },
  ],
  missing: [{ target: 'kubernetes', id: 'k8s:c/n/s', identity: 's', file: 'identities/t/s.yaml', status: 'active' }],
};

describe('parseDriftReport', () => {
  it('reads back what idac drift --format json wrote', () => {
    expect(parseDriftReport(driftJson(REPORT), 'drift.json')).toEqual({ ok: true, value: REPORT });
  });

  const base = JSON.parse(driftJson(REPORT)) as Record<string, unknown[]>;
  it.each([
    ['not JSON', '{', 'drift.json is not JSON: write it with idac drift --format json --out drift.json'],
    ['a list', '[]', 'drift.json is not a drift report: expected {"orphans", "unmanagedKeys", "changed", "missing"}'],
    [
      'a list missing',
      JSON.stringify({ ...base, missing: undefined }),
      'drift.json: missing is not a list; write it with idac drift --format json',
    ],
    ['an unknown top key', JSON.stringify({ ...base, extra: 1 }), 'drift.json holds "extra": not a drift report'],
    ['an entry not an object', JSON.stringify({ ...base, orphans: ['x'] }), 'drift.json: orphans[0] is not an object'],
    [
      'an unknown entry key',
      JSON.stringify({ ...base, orphans: [{ target: 'aws', id: 'a', name: 'n', x: 1 }] }),
      'drift.json: orphans[0] has an unknown key "x"',
    ],
    [
      'a bad target',
      JSON.stringify({ ...base, orphans: [{ target: 'gcp', id: 'a', name: 'n' }] }),
      'drift.json: orphans[0].target is not aws, kubernetes or vault',
    ],
    [
      'a bad difference',
      JSON.stringify({
        ...base,
        changed: [
          { target: 'aws', id: 'a', identity: 'i', file: 'f', differences: [{ field: 'f', manifest: 1, live: null }] },
        ],
      }),
      'drift.json: changed[0].differences[0].manifest is not a string or null',
    ],
  ])('refuses %s', (_name, text, message) => {
    const r = parseDriftReport(text, 'drift.json');
    expect(r.ok ? null : r.diagnostics.map((d) => d.summary)).toEqual([message]);
  });
});
