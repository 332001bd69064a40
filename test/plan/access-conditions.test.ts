// A grant under conditions is another grant: changing only the conditions of a permission loses
// the old grants and gains the new ones, while the grant text stays the pair it always was.
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { diffAccess } from '../../src/plan/plan.js';
import { edit, IDENTITY } from '../rules/harness.js';

const NOW = Date.parse('2026-11-23T00:00:00Z');
const PERM = '        - actions: [s3:GetObject]\n          resources: [arn:aws:s3:::bank-drop/*]\n';

const identity = (conditions: string | null): MachineIdentity =>
  parse(
    edit(
      IDENTITY,
      PERM,
      `        - actions: [s3:PutObject]\n          resources: ["*"]\n` +
        (conditions === null ? '' : `          conditions: ${conditions}\n`),
    ),
  ) as MachineIdentity;

beforeAll(() => iamCatalog.load(['s3']));

describe('diffAccess with conditions', () => {
  it('a grant gained under conditions carries them, its grant text unchanged', () => {
    const { gained, patterns } = diffAccess(
      'app',
      null,
      identity('{ StringEquals: { "aws:SourceVpc": vpc-1 } }'),
      NOW,
      iamCatalog,
      true,
    );
    expect(gained).toEqual([
      {
        identity: 'app',
        target: 'aws',
        grant: 's3:PutObject on *',
        conditions: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } },
      },
      // The role's trust is new too (diff-trust.test.ts has its own table).
      {
        identity: 'app',
        target: 'assume',
        grant: 'kubernetes service account prod-eu/payments/app can become app',
      },
    ]);
    expect(patterns.map((p) => [p.pattern, p.conditions])).toEqual([
      ['s3:PutObject', { StringEquals: { 'aws:SourceVpc': 'vpc-1' } }],
      ['kubernetes service account prod-eu/payments/app', undefined],
    ]);
  });

  it('changing only the conditions is a loss and a gain', () => {
    const before = identity('{ StringEquals: { "aws:SourceVpc": vpc-1 } }');
    const after = identity('{ StringEquals: { "aws:SourceVpc": vpc-2 } }');
    const { gained, lost } = diffAccess('app', before, after, NOW, iamCatalog);
    expect(lost.map((a) => [a.grant, a.conditions])).toEqual([
      ['s3:PutObject on *', { StringEquals: { 'aws:SourceVpc': 'vpc-1' } }],
    ]);
    expect(gained.map((a) => [a.grant, a.conditions])).toEqual([
      ['s3:PutObject on *', { StringEquals: { 'aws:SourceVpc': 'vpc-2' } }],
    ]);
  });

  it('dropping the conditions widens: the unconditioned grant is gained', () => {
    const { gained, lost } = diffAccess(
      'app',
      identity('{ StringEquals: { "aws:SourceVpc": vpc-1 } }'),
      identity(null),
      NOW,
      iamCatalog,
    );
    expect(gained).toEqual([{ identity: 'app', target: 'aws', grant: 's3:PutObject on *' }]);
    expect(lost).toHaveLength(1);
  });

  it('reordering keys or list values changes nothing', () => {
    const { gained, lost } = diffAccess(
      'app',
      identity('{ StringEquals: { "aws:SourceVpc": [vpc-1, vpc-2], "aws:SourceVpce": e-1 } }'),
      identity('{ StringEquals: { "aws:SourceVpce": e-1, "aws:SourceVpc": [vpc-2, vpc-1] } }'),
      NOW,
      iamCatalog,
    );
    expect([gained, lost]).toEqual([[], []]);
  });
});
