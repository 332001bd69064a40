// SPEC §2: g = floor((now − offset) / period) + epoch in whole seconds, offset = the first 4 bytes of
// SHA-256(name) as a big-endian uint32 modulo the period. The expectations below are literals worked
// out by hand from the hash, and a second derivation straight from node:crypto, never from the code
// under test.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generations, rotationOffset, staticCredentialKinds } from '../../src/compile/rotation.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { acme, role, user } from './aws-fixture.js';

const DAY = 86_400;
const ms = (iso: string): number => Date.parse(iso);

function withRotation(name: string, rotation: MachineIdentity['spec']['rotation']): MachineIdentity {
  const base = user({}, name);
  return { ...base, spec: { ...base.spec, rotation } };
}

describe('rotationOffset', () => {
  // sha256("report-exporter") = d87bd526… → 0xd87bd526 = 3631994150; sha256("app") = a172cedc… → 2708655836.
  it.each([
    ['report-exporter', 60 * DAY, 3_631_994_150 % (60 * DAY), 3_194_150],
    ['legacy-etl', 30 * DAY, 625_306_645 % (30 * DAY), 634_645],
    ['app', 60 * DAY, 2_708_655_836 % (60 * DAY), 2_607_836],
    ['app', DAY, 2_708_655_836 % DAY, 15_836],
  ])('%s over %i s', (name, period, byFormula, literal) => {
    expect(byFormula).toBe(literal);
    const direct = createHash('sha256').update(name).digest().readUInt32BE(0) % period;
    expect(direct).toBe(literal);
    expect(rotationOffset(name, period)).toBe(literal);
  });
});

describe('generations', () => {
  // report-exporter: period 60d, overlap 3d, offset 3194150 s → generation 345 is issued at
  // 3194150 + 345 × 5184000 = 1791681350 s = 2026-10-10T23:15:50Z.
  const exporter = acme('data/report-exporter.yaml');
  const issued345 = 3_194_150 + 345 * 60 * DAY;

  it('anchors generation 345 of report-exporter', () => {
    expect(issued345 * 1000).toBe(ms('2026-10-10T23:15:50Z'));
  });

  it.each([
    ['just before 345 is issued (344 has long left its overlap)', '2026-10-10T23:15:49Z', 344, [344]],
    ['the instant 345 is issued', '2026-10-10T23:15:50Z', 345, [344, 345]],
    ['inside the 3d overlap', '2026-10-12T00:00:00Z', 345, [344, 345]],
    ['the last second of the overlap', '2026-10-13T23:15:49Z', 345, [344, 345]],
    ['the overlap has ended', '2026-10-13T23:15:50Z', 345, [345]],
    ['mid-period', '2026-11-23T00:00:00Z', 345, [345]],
    ['the next issue', '2026-12-09T23:15:50Z', 346, [345, 346]],
  ])('%s (%s)', (_why, now, current, live) => {
    const g = generations(exporter, ms(now));
    expect(g.current).toBe(current);
    expect(g.live).toEqual(live);
    const issued = (3_194_150 + current * 60 * DAY) * 1000;
    expect(g).toEqual({
      current,
      live,
      issued,
      nextRotation: issued + 60 * DAY * 1000,
      overlapUntil: issued + 3 * DAY * 1000,
    });
  });

  it('adds the epoch to the generation but not to the schedule', () => {
    // legacy-etl: period 30d, overlap 1d, epoch 1, offset 634645 s → k = 692 at 2026-11-23, issued
    // 2026-11-10T08:17:25Z.
    const g = generations(acme('data/legacy-etl.yaml'), ms('2026-11-23T00:00:00Z'));
    expect(g).toEqual({
      current: 693,
      live: [693],
      issued: ms('2026-11-10T08:17:25Z'),
      nextRotation: ms('2026-12-10T08:17:25Z'),
      overlapUntil: ms('2026-11-11T08:17:25Z'),
    });
    expect(generations(acme('data/legacy-etl.yaml'), ms('2026-11-10T08:17:25Z')).live).toEqual([692, 693]);
  });

  it('matches the formula computed from node:crypto at many instants', () => {
    const cases: [string, number, number, number][] = [
      ['app', 60, 3, 0],
      ['report-exporter', 30, 1, 2],
      ['a-much-longer-identity-name', 7, 0, 5],
      ['x1', 1, 0, 0],
    ];
    for (const [name, periodDays, overlapDays, epoch] of cases) {
      const data = withRotation(name, { period: `${periodDays}d`, overlap: `${overlapDays}d`, epoch });
      const period = periodDays * DAY;
      const offset = createHash('sha256').update(name).digest().readUInt32BE(0) % period;
      for (let t = ms('2026-01-01T00:00:00Z') / 1000; t < ms('2027-01-01T00:00:00Z') / 1000; t += 3_607 * 37) {
        const k = Math.floor((t - offset) / period);
        const issued = offset + k * period;
        const live = t < issued + overlapDays * DAY ? [k + epoch - 1, k + epoch] : [k + epoch];
        expect(generations(data, t * 1000 + 999)).toEqual({
          current: k + epoch,
          live,
          issued: issued * 1000,
          nextRotation: (issued + period) * 1000,
          overlapUntil: (issued + overlapDays * DAY) * 1000,
        });
      }
    }
  });

  it('rotates without overlap: one live credential at every instant', () => {
    const data = withRotation('app', { period: '60d' });
    // app over 60d: offset 2607836 s → generation 345 issued 2026-10-04T04:23:56Z.
    expect(generations(data, ms('2026-10-04T04:23:56Z'))).toEqual({
      current: 345,
      live: [345],
      issued: ms('2026-10-04T04:23:56Z'),
      nextRotation: ms('2026-12-03T04:23:56Z'),
      overlapUntil: ms('2026-10-04T04:23:56Z'),
    });
    expect(generations(data, ms('2026-10-04T04:23:55Z')).live).toEqual([344]);
  });

  it('counts minutes and hours as whole seconds', () => {
    const data = withRotation('app', { period: '90m', overlap: '1h' });
    const period = 90 * 60;
    const offset = 2_708_655_836 % period;
    const now = ms('2026-11-23T00:00:00Z') / 1000;
    const k = Math.floor((now - offset) / period);
    const issued = offset + k * period;
    const g = generations(data, now * 1000);
    expect(g.current).toBe(k);
    expect(g.issued).toBe(issued * 1000);
    expect(g.live).toEqual(now < issued + 3600 ? [k - 1, k] : [k]);
  });

  it.each([
    ['no rotation', undefined, 0],
    ['an unreadable period (validate reports it)', { period: '30x' }, 0],
    ['a zero period', { period: '0d', epoch: 3 }, 3],
  ])('%s: generation epoch only, never rotating', (_why, rotation, epoch) => {
    const data = withRotation('app', rotation);
    expect(generations(data, ms('2026-11-23T00:00:00Z'))).toEqual({
      current: epoch,
      live: [epoch],
      issued: 0,
      nextRotation: null,
      overlapUntil: 0,
    });
    expect(generations(data, ms('2030-01-01T00:00:00Z'))).toEqual({
      current: epoch,
      live: [epoch],
      issued: 0,
      nextRotation: null,
      overlapUntil: 0,
    });
  });
});

describe('staticCredentialKinds', () => {
  const vault = (auth: 'approle' | 'kubernetes'): MachineIdentity['spec']['access']['vault'] => ({
    auth,
    paths: [{ path: 'kv/data/payments/app', capabilities: ['read'] }],
  });
  it.each([
    ['a federated role', role(), []],
    ['an IAM user', user(), ['aws-access-key']],
    ['Vault AppRole only', role({ access: { vault: vault('approle') } }), ['vault-secret-id']],
    ['Vault Kubernetes auth', role({ access: { vault: vault('kubernetes') } }), []],
    [
      'an IAM user and AppRole',
      user({ access: { ...user().spec.access, vault: vault('approle') } }),
      ['aws-access-key', 'vault-secret-id'],
    ],
  ])('%s', (_why, data, kinds) => {
    expect(staticCredentialKinds(data)).toEqual(kinds);
  });
});
