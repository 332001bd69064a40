// Property: the same effective access, written another way, is never drift. The live side holds the
// manifest's grants shuffled, duplicated, with the action's case changed and every statement split
// into one statement per action and resource; drift must be empty. And one grant taken away from
// either side is always reported, on the right side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstateIdentity } from '../../../src/features/estate/types.js';
import { awsEstate, driftOf, manifest, repo, role, ACCOUNT } from './fixtures.js';

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'dynamodb:GetItem',
];
const RESOURCES = [
  'arn:aws:s3:::bank',
  'arn:aws:s3:::bank/*',
  `arn:aws:sqs:eu-west-1:${ACCOUNT}:jobs`,
  `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/ledger`,
];
type Permission = { actions: string[]; resources: string[] };
const permission: fc.Arbitrary<Permission> = fc.record({
  actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 }),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 2 }),
});

function yaml(permissions: Permission[]): string {
  const lines = permissions.map(
    (p) =>
      `        - actions: [${p.actions.join(', ')}]\n` +
      `          resources: [${p.resources.map((r) => `"${r}"`).join(', ')}]\n`,
  );
  return `    aws:\n      account: "${ACCOUNT}"\n      principal: role\n      permissions:\n${lines.join('')}`;
}

const live = (permissions: Permission[]): EstateIdentity =>
  role('prop-role', { aws: { account: ACCOUNT, principal: 'role', permissions } });

const recase = (action: string, upper: boolean) => {
  const [service, name] = action.split(':') as [string, string];
  return `${upper ? service.toUpperCase() : service}:${upper ? name.toLowerCase() : name}`;
};

describe('drift normalises how access is written', () => {
  it('is empty for the same grants shuffled, duplicated, recased and split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(permission, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.boolean()),
        fc.integer(),
        async (permissions, flips, seed) => {
          const r = await repo({ 'identities/tm/prop-role.yaml': manifest('prop-role', yaml(permissions)) });
          const split = permissions.flatMap((p) =>
            p.actions.flatMap((a) =>
              p.resources.map((res) => ({ actions: [recase(a, flips.next().value)], resources: [res] })),
            ),
          );
          const shuffled = [...split, ...split.slice(0, 1)].sort(
            (a, b) => ((a.actions[0]!.length * 31 + seed) % 7) - ((b.actions[0]!.length * 31 + seed) % 7),
          );
          const report = await driftOf(r, [awsEstate([live(shuffled)])]);
          expect(report).toEqual({ orphans: [], unmanagedKeys: [], changed: [], missing: [] });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports a grant taken from either side, on that side', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(permission, { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        async (permissions, fromLive) => {
          const [dropped, ...rest] = permissions;
          // Only a grant the rest does not also give is a difference.
          const r = await repo({
            'identities/tm/prop-role.yaml': manifest('prop-role', yaml(fromLive ? permissions : rest)),
          });
          const report = await driftOf(r, [awsEstate([live(fromLive ? rest : permissions)])]);
          const differences = report.changed[0]?.differences ?? [];
          for (const d of differences) {
            expect(d.field).toBe('aws.permissions');
            expect(fromLive ? d.live : d.manifest).toBeNull();
          }
          const covered = (a: string, res: string) =>
            rest.some((p) => p.actions.includes(a) && p.resources.includes(res));
          const uncovered = dropped!.actions.some((a) => dropped!.resources.some((res) => !covered(a, res)));
          // A pair IAM would not grant (the action cannot act on the resource) is no grant on either side.
          if (!uncovered) expect(differences).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
