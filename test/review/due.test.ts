// reviewsDue: which identities need an access review within the window, grouped per owner; the
// state agrees with lifecycle/review-overdue (the due day itself is still on time).
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/manifest/load.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { orgModel } from '../../src/model/org.js';
import { reviewsDue } from '../../src/features/review/due.js';
import { DAY_MS, parseInstant } from '../../src/common/time.js';
import { edit, IDENTITY, ORG } from '../rules/harness.js';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type
const load = <T>(text: string, kind: 'MachineIdentity' | 'Organization'): T => {
  const l = loadText(text, { expect: kind, fast: false });
  if (!l.valid) throw new Error(JSON.stringify(l.issues));
  return l.data as T;
};
const org = orgModel(load<Organization>(ORG, 'Organization')); // reviewEvery: 180d
const NOW = parseInstant('2026-11-23')!;
const UNREVIEWED = ['  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n', ''] as [
  string,
  string,
];

function identity(
  name: string,
  owner: string,
  lastReviewed: string | null,
  ...more: [string, string][]
): { file: string; data: MachineIdentity } {
  let text = edit(edit(IDENTITY, 'name: app', `name: ${name}`), 'owner: alice@example.com', `owner: ${owner}`);
  text =
    lastReviewed === null
      ? edit(text, ...UNREVIEWED)
      : edit(text, 'lastReviewed: 2026-10-01', `lastReviewed: ${lastReviewed}`);
  for (const [from, to] of more) text = edit(text, from, to);
  return { file: `identities/payments/${name}.yaml`, data: load<MachineIdentity>(text, 'MachineIdentity') };
}

const row = (name: string, lastReviewed: string | null, due: string, state: string) => ({
  identity: name,
  file: `identities/payments/${name}.yaml`,
  team: 'payments',
  lastReviewed,
  reviewer: lastReviewed === null ? null : 'carol@example.com',
  due,
  state,
});

describe('reviewsDue', () => {
  const repo = [
    identity('later', 'alice@example.com', '2026-06-20'), // due 2026-12-17: inside 30d
    identity('today', 'alice@example.com', '2026-05-27'), // due 2026-11-23: on time today
    identity('late', 'Alice@Example.com', '2026-05-26'), // due 2026-11-22: overdue
    identity('never', 'bob@example.com', null),
    identity('fresh', 'bob@example.com', '2026-10-01'), // due 2027-03-30: outside 30d
    identity('gone', 'bob@example.com', '2025-01-01', [
      '  expires: 2027-05-31\n',
      '  expires: 2027-05-31\n  status: decommissioned\n',
    ]),
    identity('paused', 'carol@example.com', '2026-05-01', [
      '  expires: 2027-05-31\n',
      '  expires: 2027-05-31\n  status: suspended\n',
    ]),
  ];

  it('groups per owner (case-insensitively), sorted by owner then due date', () => {
    expect(reviewsDue(repo, org, NOW, 30 * DAY_MS)).toEqual([
      {
        owner: 'alice@example.com',
        reviews: [
          row('late', '2026-05-26', '2026-11-22', 'overdue'),
          row('today', '2026-05-27', '2026-11-23', 'due'),
          row('later', '2026-06-20', '2026-12-17', 'due'),
        ],
      },
      { owner: 'bob@example.com', reviews: [row('never', null, '2026-11-23', 'never-reviewed')] },
      { owner: 'carol@example.com', reviews: [row('paused', '2026-05-01', '2026-10-28', 'overdue')] },
    ]);
  });

  it.each([
    ['--owner filters, case-insensitively', 'BOB@example.com', 30, ['never']],
    ['a shorter window', undefined, 0, ['late', 'today', 'never', 'paused']],
    ['a longer window reaches the fresh review', 'bob@example.com', 200, ['never', 'fresh']],
    ['an owner with nothing due', 'erin@example.com', 30, []],
  ])('%s', (_name, owner, days, names) => {
    expect(reviewsDue(repo, org, NOW, days * DAY_MS, owner).flatMap((o) => o.reviews.map((r) => r.identity))).toEqual(
      names,
    );
  });

  it('nothing falls due when org.yaml sets no reviewEvery', () => {
    const noLimit = orgModel(load<Organization>(ORG.replace('    reviewEvery: 180d\n', ''), 'Organization'));
    expect(reviewsDue(repo, noLimit, NOW, 365 * DAY_MS)).toEqual([]);
  });
});
