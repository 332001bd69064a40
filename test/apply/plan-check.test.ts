import { describe, expect, it } from 'vitest';
import { parseReviewedPlan, planMismatch } from '../../src/apply/plan-check.js';
import type { Plan } from '../../src/plan/types.js';
import { messageOf } from '../../src/common/result.js';

const SHA = 'a'.repeat(40);
const FP = 'f'.repeat(64);
const op = (type: string, name: string) => ({ type, name, identity: name.split('.')[0], team: 't' });
const planJson = (fingerprint: string, resources: Record<string, unknown[]>) =>
  JSON.stringify({
    baseSha: SHA,
    fingerprint,
    window: '7d',
    resources: { create: [], update: [], replace: [], delete: [], ...resources },
  });
const current = (fingerprint: string, resources: Partial<Plan['resources']>): Plan =>
  ({ fingerprint, resources: { create: [], update: [], replace: [], delete: [], ...resources } }) as unknown as Plan;

describe('parseReviewedPlan', () => {
  it('reads the fingerprint, base and operations of `idac plan --format json`', () => {
    expect(
      parseReviewedPlan(
        planJson(FP, {
          create: [op('aws:iam/role:Role', 'a.aws.role')],
          delete: [op('aws:iam/user:User', 'b.aws.user')],
        }),
        'p.json',
      ),
    ).toEqual({
      ok: true,
      value: {
        baseSha: SHA,
        fingerprint: FP,
        window: '7d',
        operations: ['create aws:iam/role:Role a.aws.role', 'delete aws:iam/user:User b.aws.user'],
      },
    });
  });
  it.each([
    ['not json', 'p.json is not JSON'],
    ['{}', 'p.json is not an idac plan'],
    [JSON.stringify({ baseSha: 'main', fingerprint: FP }), 'p.json is not an idac plan'],
    [JSON.stringify({ baseSha: SHA, fingerprint: 'short' }), 'p.json is not an idac plan'],
    ['null', 'p.json is not an idac plan'],
  ])('refuses %j', (text, message) => {
    const r = parseReviewedPlan(text, 'p.json');
    expect(r.ok ? '' : messageOf(r)).toContain(message);
  });
});

describe('planMismatch', () => {
  const parsed = parseReviewedPlan(planJson(FP, { create: [op('aws:iam/role:Role', 'a.aws.role')] }), 'p');
  if (!parsed.ok) throw new Error(messageOf(parsed));
  const reviewed = parsed.value;
  it('same fingerprint: none', () => {
    expect(planMismatch(reviewed, current(FP, {}))).toBeNull();
  });
  it('names operations added and dropped', () => {
    expect(
      planMismatch(reviewed, current('e'.repeat(64), { delete: [op('aws:iam/user:User', 'b.aws.user')] as never })),
    ).toEqual([
      'not reviewed: delete aws:iam/user:User b.aws.user',
      'reviewed but no longer planned: create aws:iam/role:Role a.aws.role',
    ]);
  });
  it('same operations, other inputs', () => {
    expect(
      planMismatch(reviewed, current('e'.repeat(64), { create: [op('aws:iam/role:Role', 'a.aws.role')] as never })),
    ).toEqual(['the same operations, with different inputs']);
  });
});
