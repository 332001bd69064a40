import { describe, expect, it } from 'vitest';
import { globPattern, labelValue, parseTeamMap, placeTeam } from '../../../src/features/estate/import/team.js';
import type { EstateIdentity } from '../../../src/features/estate/types.js';

function identity(name: string, labels: Record<string, string> = {}): EstateIdentity {
  const id = `arn:aws:iam::123456789012:role/${name}`;
  return { target: 'aws', id, name, labels, access: {}, notExpressible: [], origins: [] };
}

function map(text: string) {
  const r = parseTeamMap(text, 'teams.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('globPattern', () => {
  it.each([
    ['payments-*', 'payments-reader', true],
    ['payments-*', 'xpayments-reader', false],
    ['ci-?', 'ci-1', true],
    ['ci-?', 'ci-12', false],
    ['arn:aws:iam::*:role/data/*', 'arn:aws:iam::123456789012:role/data/etl', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (glob, text, want) => {
    expect(globPattern(glob).test(text)).toBe(want);
  });
});

describe('placeTeam', () => {
  const teamMap = map('payments-*: payments\n"*": platform\n');
  it.each([
    ['the first glob in file order wins', identity('payments-reader'), { map: teamMap }, 'payments'],
    ['a later catch-all glob', identity('etl'), { map: teamMap }, 'platform'],
    ['the map before the tag', identity('payments-x', { team: 'data' }), { map: teamMap, from: 'team' }, 'payments'],
    ['the tag, mapped to a team name', identity('x', { Team: 'Data Science' }), { from: 'team' }, 'data-science'],
    ['a tag value starting with a digit', identity('x', { team: '42' }), { from: 'team' }, 'team-42'],
    ['the default when the tag is missing', identity('x'), { from: 'team', team: 'ops' }, 'ops'],
  ])('%s', (_, who, how, want) => {
    expect(placeTeam(who, how)).toEqual({ team: want });
  });

  it('says why an identity is not placed', () => {
    expect(placeTeam(identity('x'), { from: 'team' })).toEqual({
      unplaced: 'it has no usable team tag or label; give --team for the rest',
    });
    expect(placeTeam(identity('x'), { map: map('a*: ops\n'), from: 'team' })).toEqual({
      unplaced: 'no --team-map glob matches it and it has no usable team tag or label; give --team for the rest',
    });
    expect(placeTeam(identity('x'), {})).toEqual({ unplaced: 'no team option given; give --team for the rest' });
  });
});

describe('parseTeamMap', () => {
  it.each([
    ['- a\n- b\n', 'must be a YAML mapping of name glob to team'],
    ['a*: Payments Team\n', 'maps to "Payments Team", which is not a team name'],
    ['a: [\n', 'is not valid YAML'],
    ['a*: x\na*: y\n', 'is not valid YAML'],
  ])('refuses %j', (text, message) => {
    const r = parseTeamMap(text, 'teams.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.summary).toContain(message);
  });
});

describe('labelValue', () => {
  it('takes the key as given, else the same key in another case', () => {
    expect(labelValue({ owner: 'a', Owner: 'b' }, 'Owner')).toBe('b');
    expect(labelValue({ OWNER: 'c' }, 'owner')).toBe('c');
    expect(labelValue({}, 'owner')).toBeUndefined();
  });
});
