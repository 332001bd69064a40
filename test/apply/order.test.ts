import { describe, expect, it } from 'vitest';
import { registrationOrder } from '../../src/apply/order.js';
import type { DesiredResource } from '../../src/compile/types.js';
import { summaries } from '../../src/common/result.js';

const r = (name: string, inputs: DesiredResource['inputs'] = {}, dependsOn?: string[]): DesiredResource => ({
  type: 'aws:iam/role:Role',
  name,
  identity: name.split('.')[0]!,
  team: 't',
  provider: 'aws:123456789012',
  inputs,
  ...(dependsOn ? { dependsOn } : {}),
});

describe('registrationOrder', () => {
  it.each([
    ['no dependencies: logical-name order', [r('b'), r('a')], ['a', 'b']],
    [
      'a ref comes first',
      [r('a.policy', { role: { $ref: 'b.role', output: 'name' } }), r('b.role')],
      ['b.role', 'a.policy'],
    ],
    [
      'nested refs and dependsOn',
      [
        r('x.delivery', { data: { k: [{ $ref: 'x.key', output: 'secret' }] } }),
        r('x.key', { user: { $ref: 'x.user', output: 'name' } }),
        r('x.user'),
        r('x.binding', {}, ['x.user']),
      ],
      ['x.user', 'x.binding', 'x.key', 'x.delivery'],
    ],
  ])('%s', (_l, input, names) => {
    const out = registrationOrder(input);
    expect(out.ok && out.value.map((o) => o.resource.name)).toEqual(names);
  });

  it("lists each resource's dependencies, sorted", () => {
    const out = registrationOrder([r('x.b', { a: { $ref: 'x.z', output: 'id' } }, ['x.a']), r('x.a'), r('x.z')]);
    expect(out.ok && out.value.find((o) => o.resource.name === 'x.b')!.dependsOn).toEqual(['x.a', 'x.z']);
  });

  it.each([
    ['unknown ref', [r('a', { x: { $ref: 'nope', output: 'id' } })], 'a refers to nope, which is not in the stack'],
    ['unknown dependsOn', [r('a', {}, ['ghost'])], 'a refers to ghost, which is not in the stack'],
    ['duplicate name', [r('a'), r('a')], 'two resources are named a'],
    ['cycle', [r('a', {}, ['b']), r('b', {}, ['a'])], 'dependency cycle: a → b → a'],
  ])('refuses a %s', (_l, input, message) => {
    const out = registrationOrder(input);
    expect(out.ok ? [] : summaries(out)).toContain(message);
  });
});
