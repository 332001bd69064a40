// The bench's synthetic export (test/bench/aws-export.mjs) is one the reader takes whole: every role,
// the trust kinds it mixes, and only the Deny it plants (1 in 100 roles) reported.

import { describe, expect, it } from 'vitest';
import { parseAwsExport } from '../../../../src/features/estate/read/aws-export.js';
// @ts-expect-error: a plain .mjs module of the bench, without types.
import { generateAwsExport } from '../../../bench/aws-export.mjs';

describe('the bench export', () => {
  it('reads 1,000 roles with the trusts it mixes and one Deny per hundred', () => {
    const r = parseAwsExport((generateAwsExport as (n: number) => string)(1000), { org: null, now: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.identities).toHaveLength(1000);
    const kinds = new Map<string, number>();
    for (const i of r.value.identities)
      for (const k of Object.keys(i.access.aws?.trust ?? {})) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ github: 200, kubernetes: 200, service: 200, account: 200, oidc: 200 });
    const reported = r.value.identities.filter((i) => i.notExpressible.length > 0);
    expect(reported).toHaveLength(10);
    expect(r.value.identities.every((i) => i.access.aws?.permissions.length === 3)).toBe(true);
  });
});
