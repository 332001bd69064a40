import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNames, idacName, idHash, IDENTITY_NAME } from '../../../src/features/estate/import/names.js';

const ARN = 'arn:aws:iam::123456789012:role/';

describe('idacName', () => {
  it.each([
    ['settlement-reader', 'settlement-reader'],
    ['S3ReadOnly_Role', 's3-read-only-role'],
    ['AWSReservedThing', 'aws-reserved-thing'],
    ['my.role@prod+eu', 'my-role-prod-eu'],
    ['__edge__', 'edge'],
    ['2fa-bot', 'aws-2fa-bot'],
    ['ci', `ci-${idHash(`${ARN}ci`)}`],
    ['', 'aws'],
  ])('%j → %j', (live, want) => {
    expect(idacName('aws', live, `${ARN}${live}`)).toBe(want);
  });

  it('cuts a long name and ends it in a hash of the cloud id', () => {
    const live = 'a-very-long-role-name-that-goes-on-and-on-past-the-limit-of-48';
    const name = idacName('aws', live, `${ARN}${live}`);
    expect(name).toHaveLength(48);
    expect(name.endsWith(`-${idHash(`${ARN}${live}`)}`)).toBe(true);
    expect(name).toMatch(IDENTITY_NAME);
  });

  it('prefixes a name that starts with a digit by its target', () => {
    expect(idacName('kubernetes', '9lives', 'k8s:c/n/9lives')).toBe('k8s-9lives');
    expect(idacName('vault', '9lives', 'vault:auth/approle/role/9lives')).toBe('vault-9lives');
  });
});

describe('assignNames', () => {
  const ids = (names: string[]) => names.map((n) => ({ target: 'aws' as const, id: `${ARN}${n}`, name: n }));

  it('gives every identity whose mapped name collides the hash suffix, whatever the order', () => {
    const list = ids(['My_Role', 'my-role', 'other']);
    const got = assignNames(list, new Set(), new Map());
    expect(got.get(`${ARN}other`)).toBe('other');
    expect(got.get(`${ARN}My_Role`)).toBe(`my-role-${idHash(`${ARN}My_Role`)}`);
    expect(got.get(`${ARN}my-role`)).toBe(`my-role-${idHash(`${ARN}my-role`)}`);
    expect(assignNames([...list].reverse(), new Set(), new Map())).toEqual(got);
  });

  it('never takes the name of an existing manifest of another identity', () => {
    const got = assignNames(ids(['payments']), new Set(['payments']), new Map());
    expect(got.get(`${ARN}payments`)).toBe(`payments-${idHash(`${ARN}payments`)}`);
  });

  it('keeps the name of an earlier import of the same identity', () => {
    const got = assignNames(ids(['Renamed']), new Set(['renamed']), new Map([[`${ARN}Renamed`, 'kept-name']]));
    expect(got.get(`${ARN}Renamed`)).toBe('kept-name');
  });

  it('property: names are valid, unique, and independent of the order of the estate', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 70 }), { minLength: 1, maxLength: 30 }), (lives) => {
        const list = ids(lives);
        const got = assignNames(list, new Set(['taken']), new Map());
        const names = [...got.values()];
        expect(names.every((n) => IDENTITY_NAME.test(n))).toBe(true);
        expect(new Set(names).size).toBe(names.length);
        expect(names).not.toContain('taken');
        expect(assignNames([...list].reverse(), new Set(['taken']), new Map())).toEqual(got);
      }),
    );
  });
});
