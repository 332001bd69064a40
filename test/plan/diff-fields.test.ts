import { describe, expect, it } from 'vitest';
import { diffFields, EXTERNAL_ID } from '../../src/plan/diff-fields.js';

const trust = (account: Record<string, unknown> | Record<string, unknown>[]) => ({
  spec: { access: { aws: { trust: { account } } } },
});

describe('diffFields: an external id reads as set or absent, never as its value', () => {
  it.each<[string, unknown, unknown, unknown[]]>([
    [
      'set on an existing trust',
      trust({ id: '210987654321' }),
      trust({ id: '210987654321', externalId: 'k3y-from-partner' }),
      [{ path: 'spec.access.aws.trust.account.externalId', before: null, after: EXTERNAL_ID }],
    ],
    [
      'changed',
      trust({ id: '210987654321', externalId: 'old-k3y' }),
      trust({ id: '210987654321', externalId: 'new-k3y' }),
      [{ path: 'spec.access.aws.trust.account.externalId', before: EXTERNAL_ID, after: EXTERNAL_ID }],
    ],
    [
      'a whole trust entry added to a list',
      trust([{ id: '210987654321', externalId: 'k3y-a' }]),
      trust([
        { id: '210987654321', externalId: 'k3y-a' },
        { id: '444455556666', role: 'feed', externalId: 'k3y-b' },
      ]),
      [
        {
          path: 'spec.access.aws.trust.account[1]',
          before: null,
          after: { id: '444455556666', role: 'feed', externalId: EXTERNAL_ID },
        },
      ],
    ],
    [
      'a list replacing one object',
      trust({ id: '210987654321', externalId: 'k3y-a' }),
      trust([{ id: '210987654321', externalId: 'k3y-a' }]),
      [
        {
          path: 'spec.access.aws.trust.account',
          before: { id: '210987654321', externalId: EXTERNAL_ID },
          after: [{ id: '210987654321', externalId: EXTERNAL_ID }],
        },
      ],
    ],
  ])('%s', (_why, before, after, expected) => {
    const changes = diffFields(before, after);
    expect(changes).toEqual(expected);
    expect(JSON.stringify(changes)).not.toMatch(/k3y/);
  });

  it('other fields keep their values', () => {
    expect(diffFields(trust({ id: '210987654321', role: 'a' }), trust({ id: '210987654321', role: 'b' }))).toEqual([
      { path: 'spec.access.aws.trust.account.role', before: 'a', after: 'b' },
    ]);
  });
});
