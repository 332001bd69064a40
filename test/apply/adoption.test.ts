// apply refuses to adopt imported objects with a Pulumi CLI older than the import-then-update engine.

import { describe, expect, it } from 'vitest';
import { ADOPT_MIN_PULUMI, adoptionRefusal } from '../../src/apply/adoption.js';
import type { DesiredResource } from '../../src/compile/types.js';

const resource = (name: string, importId?: string): DesiredResource =>
  ({
    type: 'aws:iam/role:Role',
    name,
    identity: name.split('.')[0]!,
    team: 't',
    provider: 'aws:1',
    inputs: {},
    ...(importId === undefined ? {} : { importId }),
  }) as unknown as DesiredResource;

describe('adoptionRefusal', () => {
  it.each([
    { version: '3.174.9', adopt: true, refused: true },
    { version: 'v3.100.0', adopt: true, refused: true },
    { version: '3.175.0', adopt: true, refused: false },
    { version: '3.248.0', adopt: true, refused: false },
    { version: '4.0.0', adopt: true, refused: false },
    { version: '3.100.0', adopt: false, refused: false },
    { version: 'unknown', adopt: true, refused: false },
  ])('$version, adopting: $adopt → refused: $refused', ({ version, adopt, refused }) => {
    const resources = [resource('a.aws.policy'), resource('a.aws.role', adopt ? 'Legacy' : undefined)];
    const said = adoptionRefusal(version, resources);
    expect(said !== null).toBe(refused);
    if (said !== null) {
      expect(said).toContain(ADOPT_MIN_PULUMI);
      expect(said).toContain('a.aws.role');
      expect(said).toContain(version);
    }
  });

  it('names at most three objects', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((n) => resource(`${n}.aws.role`, n));
    expect(adoptionRefusal('3.0.0', many)).toContain('(a.aws.role, b.aws.role, c.aws.role and 2 more)');
  });
});
