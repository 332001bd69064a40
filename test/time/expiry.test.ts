// SPEC §2: `expires` is the last valid day; expired from 00:00:00Z of the next day. One function
// decides it for validate (lifecycle/expired), plan's due list, exceptions, report and the audit issue.

import { describe, expect, it } from 'vitest';
import { expiryOf, isExpired, parseInstant } from '../../src/common/time.js';

const at = (s: string) => parseInstant(s)!;

describe('expiryOf / isExpired', () => {
  it.each([
    ['2026-11-20', { at: at('2026-11-21'), since: '2026-11-21' }],
    ['2026-12-31', { at: at('2027-01-01'), since: '2027-01-01' }],
    ['2028-02-28', { at: at('2028-02-29'), since: '2028-02-29' }],
    ['2026-02-30', null],
    ['20261120', null],
  ])('expiryOf(%s)', (expires, want) => {
    expect(expiryOf(expires)).toEqual(want);
  });

  it.each([
    ['2026-11-20T23:59:59Z', false],
    ['2026-11-21T00:00:00Z', true],
    ['2026-11-20T23:30:00-01:00', true],
    ['2026-11-21', true],
    ['2026-11-20', false],
  ])('expires 2026-11-20 at %s: expired %s', (now, want) => {
    expect(isExpired('2026-11-20', at(now))).toBe(want);
  });

  it('a date that is not a calendar date is not "expired" here (schema/format reports it)', () => {
    expect(isExpired('2026-02-30', at('2030-01-01'))).toBe(false);
  });
});
