// What each org.yaml change widens or narrows, at the edges the end-to-end test does not reach:
// boundaries that already allowed everything, equal durations in other units, absent limits,
// Kubernetes cluster wildcards, Vault globs that are not everything, new teams born unbounded.
import { describe, expect, it } from 'vitest';
import type { OrgSpec } from '../../src/model/org.js';
import { diffOrganization } from '../../src/plan/diff-org.js';

const base = (): OrgSpec => ({
  teams: {
    app: {
      members: ['a@x.example'],
      boundaries: { kubernetes: { namespaces: ['c1/app'] }, vault: { paths: ['kv/data/app/*'] } },
    },
  },
});

function change(edit: (s: OrgSpec) => void): ReturnType<typeof diffOrganization> {
  const after = structuredClone(base());
  edit(after);
  return diffOrganization(base(), after);
}

const short = (r: ReturnType<typeof diffOrganization>) =>
  r.changes.map((c) => [c.kind, c.path, c.before, c.after, c.effect]);

describe('diffOrganization', () => {
  it.each<[string, (s: OrgSpec) => void, unknown[][], string[]]>([
    [
      'a cluster wildcard opens every namespace of that cluster',
      (s) => s.teams.app!.boundaries!.kubernetes!.namespaces!.push('c1/*'),
      [['boundary', 'spec.teams.app.boundaries.kubernetes.namespaces', null, 'c1/*', 'widens']],
      ['team app\'s Kubernetes namespaces boundary is widened to every namespace of cluster c1 ("c1/*")'],
    ],
    [
      'a Vault glob below the root is not everything',
      (s) => s.teams.app!.boundaries!.vault!.paths!.push('+/*'),
      [['boundary', 'spec.teams.app.boundaries.vault.paths', null, '+/*', 'widens']],
      [],
    ],
    [
      'a boundary list set where there was none narrows',
      (s) => {
        s.teams.app!.boundaries!.aws = { accounts: ['123456789012'] };
      },
      [['boundary', 'spec.teams.app.boundaries.aws.accounts', null, ['123456789012'], 'narrows']],
      [],
    ],
    [
      'removing a boundary list widens it to everything (an absent list is no boundary)',
      (s) => {
        delete s.teams.app!.boundaries!.vault;
      },
      [['boundary', 'spec.teams.app.boundaries.vault.paths', ['kv/data/app/*'], null, 'widens']],
      ["team app's Vault paths boundary is removed, so its identities may use any Vault path"],
    ],
    [
      'a limit set where there was none narrows',
      (s) => {
        s.limits = { maxElevation: '24h' };
      },
      [['limit', 'spec.limits.maxElevation', null, '24h', 'narrows']],
      [],
    ],
    [
      'a new team with an everything boundary is a warning',
      (s) => {
        s.teams.ops = { members: ['o@x.example'], boundaries: { vault: { paths: ['*'] } } };
      },
      [
        [
          'team',
          'spec.teams.ops',
          null,
          { members: ['o@x.example'], boundaries: { vault: { paths: ['*'] } } },
          'widens',
        ],
      ],
      ['new team ops\'s Vault paths boundary allows every Vault path ("*")'],
    ],
    [
      'requiring a cost center narrows',
      (s) => {
        s.limits = { requireCostCenter: true };
      },
      [['limit', 'spec.limits.requireCostCenter', null, true, 'narrows']],
      [],
    ],
  ])('%s', (_, edit, changes, messages) => {
    const r = change(edit);
    expect(short(r)).toEqual(changes);
    expect(r.unbounded.map((u) => u.message)).toEqual(messages);
  });

  it('limits compare by length, not by text', () => {
    const r = diffOrganization(
      { ...base(), limits: { maxElevation: '1d', reviewEvery: '90d' } },
      { ...base(), limits: { maxElevation: '24h', reviewEvery: '2160h' } },
    );
    expect(short(r)).toEqual([
      ['limit', 'spec.limits.maxElevation', '1d', '24h', 'neutral'],
      ['limit', 'spec.limits.reviewEvery', '90d', '2160h', 'neutral'],
    ]);
  });

  it('a boundary that already allowed everything does not warn again when it is dropped', () => {
    const wide = base();
    wide.teams.app!.boundaries!.vault!.paths = ['*'];
    const after = structuredClone(wide);
    delete after.teams.app!.boundaries!.vault;
    const r = diffOrganization(wide, after);
    expect(short(r)).toEqual([['boundary', 'spec.teams.app.boundaries.vault.paths', ['*'], null, 'neutral']]);
    expect(r.unbounded).toEqual([]);
  });

  it('an exception whose reason alone changes is neutral; an earlier expiry narrows', () => {
    const e = {
      identity: 'x',
      rule: 'aws/no-wildcard-action',
      reason: 'r',
      approvedBy: 's@x.example',
      expires: '2027-01-31',
    };
    const r = diffOrganization(
      { ...base(), exceptions: [e, { ...e, identity: 'y' }] },
      {
        ...base(),
        exceptions: [
          { ...e, reason: 'r2' },
          { ...e, identity: 'y', expires: '2026-12-31' },
        ],
      },
    );
    expect(r.changes.map((c) => [c.effect, c.summary])).toEqual([
      ['neutral', 'exception for x on aws/no-wildcard-action changed: reason r → r2'],
      ['narrows', 'exception for y on aws/no-wildcard-action changed: expires 2027-01-31 → 2026-12-31'],
    ]);
  });

  it('an org.yaml appearing where there was none: every part is new', () => {
    const r = diffOrganization(null, base());
    expect(short(r)).toEqual([['team', 'spec.teams.app', null, base().teams.app, 'widens']]);
  });
});
