import { describe, expect, it } from 'vitest';
import { parseReviewedPlan, planMismatch, previewOperations, unreviewedSteps } from '../../src/apply/plan-check.js';
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
  ({
    fingerprint,
    resources: { adopt: [], create: [], update: [], replace: [], delete: [], ...resources },
  }) as unknown as Plan;

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

describe('adopting: the reviewed plan and the engine agree', () => {
  const ROLE = 'aws:iam/role:Role';
  const reviewedJson = planJson(FP, {
    adopt: [{ ...op(ROLE, 'a.aws.role'), id: 'Legacy' }],
    update: [{ ...op(ROLE, 'a.aws.role'), inputs: ['tags'] }],
    create: [op('aws:iam/rolePolicy:RolePolicy', 'a.aws.policy')],
  });
  const parsed = parseReviewedPlan(reviewedJson, 'p');
  if (!parsed.ok) throw new Error(messageOf(parsed));
  const reviewed = parsed.value;

  it('the reviewed plan lists adopt as an operation of its own', () => {
    expect(reviewed.operations).toEqual([
      `adopt ${ROLE} a.aws.role`,
      'create aws:iam/rolePolicy:RolePolicy a.aws.policy',
      `update ${ROLE} a.aws.role`,
    ]);
  });

  it('a plan written before adopt existed adopted nothing', () => {
    const old = parseReviewedPlan(planJson(FP, { create: [op(ROLE, 'a.aws.role')] }), 'p');
    expect(old.ok && old.value.operations).toEqual([`create ${ROLE} a.aws.role`]);
  });

  it.each([
    { label: 'import', steps: [{ op: 'import', type: ROLE, name: 'a.aws.role' }], want: [`adopt ${ROLE} a.aws.role`] },
    {
      label: 'import followed by update (Pulumi ≥ 3.174)',
      steps: [
        { op: 'import', type: ROLE, name: 'a.aws.role' },
        { op: 'update', type: ROLE, name: 'a.aws.role' },
      ],
      want: [`adopt ${ROLE} a.aws.role`, `update ${ROLE} a.aws.role`],
    },
    {
      label: 'a replacement is one replace',
      steps: ['create-replacement', 'replace', 'delete-replaced'].map((o) => ({ op: o, type: ROLE, name: 'b' })),
      want: [`replace ${ROLE} b`],
    },
    {
      label: 'steps that change nothing',
      steps: ['same', 'read', 'refresh', 'discard'].map((o) => ({ op: o, type: ROLE, name: 'c' })),
      want: [],
    },
    {
      label: 'import-replacement adopts and replaces',
      steps: [{ op: 'import-replacement', type: ROLE, name: 'd' }],
      want: [`adopt ${ROLE} d`, `replace ${ROLE} d`],
    },
  ])('$label', ({ steps, want }) => {
    expect(previewOperations(steps)).toEqual(want);
  });

  it('the engine importing then updating what was reviewed is nothing unreviewed', () => {
    const steps = [
      { op: 'import', type: ROLE, name: 'a.aws.role' },
      { op: 'update', type: ROLE, name: 'a.aws.role' },
      { op: 'create', type: 'aws:iam/rolePolicy:RolePolicy', name: 'a.aws.policy' },
    ];
    expect(unreviewedSteps(reviewed, steps)).toEqual([]);
  });

  it('creating what the review said to adopt is unreviewed', () => {
    expect(unreviewedSteps(reviewed, [{ op: 'create', type: ROLE, name: 'a.aws.role' }])).toEqual([
      `create ${ROLE} a.aws.role`,
    ]);
  });
});
