// offboardReport: the roles a person holds on each identity, what their successor takes over, and
// the gaps validate will ask to fill once the person is gone from org.yaml.
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/manifest/load.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { orgModel } from '../../src/model/org.js';
import { didYouMean } from '../../src/manifest/schemas.js';
import { offboardReport, successorGaps, withSuccessors, type Handover } from '../../src/features/people/offboard.js';
import { fail, messageOf, refuse } from '../../src/common/result.js';
import { edit, IDENTITY, ORG } from '../rules/harness.js';
import { approvedBy, withElevations } from '../rules/elevation/fixture.js';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type
const load = <T>(text: string, kind: 'MachineIdentity' | 'Organization'): T => {
  const l = loadText(text, { expect: kind, fast: false });
  if (!l.valid) throw new Error(JSON.stringify(l.issues));
  return l.data as T;
};
const org = orgModel(load<Organization>(ORG, 'Organization'));
const orgWith = (extra: string) => orgModel(load<Organization>(`${ORG}${extra}`, 'Organization'));
const EXCEPTION = (approver: string, identity = 'app') =>
  `  exceptions:\n    - { identity: ${identity}, rule: aws/no-wildcard-action, reason: legacy, approvedBy: ` +
  `${approver}, expires: 2027-01-01 }\n`;

/** The harness identity (owner alice, successor bob, reviewer carol), renamed and edited. */
function identity(name: string, ...edits: [string, string][]): { file: string; data: MachineIdentity } {
  let text = edit(IDENTITY, 'name: app', `name: ${name}`);
  for (const [from, to] of edits) text = edit(text, from, to);
  return { file: `identities/payments/${name}.yaml`, data: load<MachineIdentity>(text, 'MachineIdentity') };
}

const entry = (
  identity: string,
  roles: Handover['roles'],
  needs: Handover['needs'],
  proposal: Record<string, string> = {},
  status: Handover['status'] = 'active',
): Handover => ({ identity, file: `identities/payments/${identity}.yaml`, status, roles, proposal, needs });
const TO_BOB = { 'spec.stewardship.owner': 'bob@example.com' };

describe('offboardReport', () => {
  it.each<[string, string, ReturnType<typeof identity>[], Handover[]]>([
    [
      'owner: the successor takes over, a new successor is needed',
      'alice@example.com',
      [identity('app')],
      [entry('app', ['owner'], ['new-successor'], TO_BOB)],
    ],
    [
      'emails compare case-insensitively',
      'ALICE@Example.com',
      [identity('app')],
      [entry('app', ['owner'], ['new-successor'], TO_BOB)],
    ],
    ['successor only', 'bob@example.com', [identity('app')], [entry('app', ['successor'], ['new-successor'])]],
    ['reviewer only', 'carol@example.com', [identity('app')], [entry('app', ['reviewer'], ['new-review'])]],
    [
      'owner and successor: nobody can take over',
      'alice@example.com',
      [identity('app', ['successor: bob@', 'successor: alice@'])],
      [entry('app', ['owner', 'successor'], ['new-owner', 'new-successor'])],
    ],
    [
      'the successor left the team already',
      'alice@example.com',
      [identity('app', ['successor: bob@example.com', 'successor: dave@example.com'])],
      [entry('app', ['owner'], ['new-owner', 'new-successor'])],
    ],
    [
      'the successor reviewed it: the new owner cannot stand as reviewer',
      'alice@example.com',
      [identity('app', ['reviewer: carol@', 'reviewer: bob@'])],
      [entry('app', ['owner'], ['new-successor', 'new-review'], TO_BOB)],
    ],
    [
      'elevation approver',
      'dave@example.com',
      [
        {
          ...identity('app'),
          data: load<MachineIdentity>(withElevations(approvedBy('dave@example.com')), 'MachineIdentity'),
        },
      ],
      [entry('app', ['elevation-approver'], ['new-elevation-approval'])],
    ],
    [
      'the successor approved an elevation',
      'alice@example.com',
      [
        {
          ...identity('app'),
          data: load<MachineIdentity>(withElevations(approvedBy('bob@example.com')), 'MachineIdentity'),
        },
      ],
      [entry('app', ['owner'], ['new-successor', 'new-elevation-approval'], TO_BOB)],
    ],
    [
      'tombstones are listed with their status',
      'alice@example.com',
      [identity('old', ['  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'])],
      [entry('old', ['owner'], ['new-successor'], TO_BOB, 'decommissioned')],
    ],
    [
      'sorted by identity; identities that do not name the person are left out',
      'bob@example.com',
      [identity('zeta'), identity('other', ['successor: bob@', 'successor: carol@']), identity('alpha')],
      [entry('alpha', ['successor'], ['new-successor']), entry('zeta', ['successor'], ['new-successor'])],
    ],
  ])('%s', (_name, person, identities, expected) => {
    expect(offboardReport(person, identities, org, []).identities).toEqual(expected);
  });

  it('org.yaml exceptions: the approver, and one that names no identity of the repository', () => {
    const r = offboardReport(
      'sec@example.com',
      [identity('app')],
      orgWith(
        `${EXCEPTION('sec@example.com')}    - { identity: gone, rule: aws/no-wildcard-action, reason: ` +
          `legacy, approvedBy: SEC@example.com, expires: 2027-01-01 }\n`,
      ),
      [],
    );
    expect(r.identities).toEqual([
      entry('app', ['exception-approver'], ['new-exception-approval']),
      {
        identity: 'gone',
        file: null,
        status: null,
        roles: ['exception-approver'],
        proposal: {},
        needs: ['new-exception-approval'],
      },
    ]);
    expect(r.org).toEqual({ teams: [], securityOwner: true });
  });

  it('the successor approved an exception: it becomes self-approved once they own the identity', () => {
    const r = offboardReport('alice@example.com', [identity('app')], orgWith(EXCEPTION('bob@example.com')), []);
    expect(r.identities).toEqual([entry('app', ['owner'], ['new-successor', 'new-exception-approval'], TO_BOB)]);
  });

  it('without org.yaml the successor is proposed (nothing says they left) and org is null', () => {
    const r = offboardReport(
      'alice@example.com',
      [identity('app', ['successor: bob@example.com', 'successor: dave@example.com'])],
      null,
      ['identities/b.yaml', 'identities/a.yaml'],
    );
    expect(r).toEqual({
      person: 'alice@example.com',
      identities: [entry('app', ['owner'], ['new-successor'], { 'spec.stewardship.owner': 'dave@example.com' })],
      org: null,
      invalid: ['identities/a.yaml', 'identities/b.yaml'],
    });
  });

  it('someone nobody names: nothing to hand over, but their teams are listed', () => {
    expect(offboardReport('erin@example.com', [identity('app')], org, [])).toEqual({
      person: 'erin@example.com',
      identities: [],
      org: { teams: ['risk'], securityOwner: false },
      invalid: [],
    });
  });
});

describe('withSuccessors / successorGaps', () => {
  const SUCCESSOR = 'spec.stewardship.successor';
  const choice = (any: string | null, byTeam: Record<string, string> = {}) => ({
    any,
    byTeam: new Map(Object.entries(byTeam)),
  });
  const risky = (name: string, owner: string, successor: string) => {
    const text = edit(
      edit(edit(IDENTITY, 'name: app', `name: ${name}`), 'owner: alice@example.com', `owner: ${owner}`),
      'successor: bob@example.com',
      `successor: ${successor}`,
    );
    return {
      file: `identities/risk/${name}.yaml`,
      data: load<MachineIdentity>(edit(text, 'team: payments', 'team: risk'), 'MachineIdentity'),
    };
  };

  it('the gaps: who needs a successor after the hand-over, and who on the team could be it', () => {
    const ids = [
      identity('app'),
      identity('old', ['  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n']),
      identity('solo', ['successor: bob@', 'successor: alice@']),
    ];
    const report = offboardReport('alice@example.com', ids, org, []);
    // A tombstone is not asked for a successor; an identity nobody can take over needs a new owner first.
    expect(successorGaps(report, ids, org)).toEqual([
      {
        identity: 'app',
        file: 'identities/payments/app.yaml',
        team: 'payments',
        owner: 'bob@example.com',
        candidates: ['carol@example.com'],
      },
    ]);
  });

  it.each<[string, string, ReturnType<typeof choice>, { code: number; message: string } | Record<string, string>]>([
    [
      'one address for the one team',
      'alice@example.com',
      choice('carol@example.com'),
      { 'spec.stewardship.owner': 'bob@example.com', [SUCCESSOR]: 'carol@example.com' },
    ],
    [
      'the team form',
      'alice@example.com',
      choice(null, { payments: 'Carol@example.com' }),
      { 'spec.stewardship.owner': 'bob@example.com', [SUCCESSOR]: 'Carol@example.com' },
    ],
    [
      'a near miss',
      'alice@example.com',
      choice('carl@example.com'),
      {
        code: 1,
        message:
          '--successor carl@example.com: carl@example.com is not a member of team payments in org.yaml, so ' +
          'app would not validate; did you mean carol@example.com?',
      },
    ],
    [
      'someone of another team',
      'alice@example.com',
      choice('dave@example.com'),
      {
        code: 1,
        message:
          '--successor dave@example.com: dave@example.com is not a member of team payments in org.yaml, so ' +
          'app would not validate; members: alice@example.com, bob@example.com, carol@example.com',
      },
    ],
    [
      'the new owner',
      'alice@example.com',
      choice('BOB@example.com'),
      {
        code: 1,
        message:
          '--successor BOB@example.com: BOB@example.com becomes the owner of app, and a successor must be ' +
          'someone else; name another member of team payments (carol@example.com)',
      },
    ],
    [
      'the person leaving',
      'alice@example.com',
      choice('alice@example.com'),
      {
        code: 1,
        message:
          '--successor alice@example.com: alice@example.com is the person leaving; name another member of ' +
          'team payments',
      },
    ],
    [
      'a team that does not exist',
      'alice@example.com',
      choice(null, { paymentz: 'carol@example.com' }),
      { code: 2, message: '--successor paymentz=…: there is no team paymentz in org.yaml; did you mean payments?' },
    ],
    [
      'a team with nothing to succeed',
      'alice@example.com',
      choice('carol@example.com', { risk: 'dave@example.com' }),
      {
        code: 2,
        message:
          '--successor risk=…: no identity of team risk needs a new successor when alice@example.com leaves ' +
          '(teams that do: payments)',
      },
    ],
    [
      'successor only: the owner stays, the successor is replaced',
      'bob@example.com',
      choice('carol@example.com'),
      { [SUCCESSOR]: 'carol@example.com' },
    ],
  ])('%s', (_name, person, chosen, expected) => {
    const ids = [identity('app')];
    const r = withSuccessors(offboardReport(person, ids, org, []), ids, org, chosen, didYouMean);
    // code 1: a refusal; code 2: the flag itself is wrong (the command line's exit codes).
    if ('code' in expected) expect(r).toEqual((expected.code === 1 ? refuse : fail)(expected.message));
    else {
      if (!r.ok) throw new Error(messageOf(r));
      expect(r.value.identities[0]!.proposal).toEqual(expected);
      expect(r.value.identities[0]!.needs).not.toContain('new-successor');
    }
  });

  it('identities in two teams: each team needs its own, a team-less one covers the rest', () => {
    const ids = [identity('app'), risky('model', 'alice@example.com', 'dave@example.com')];
    const withAlice = orgWith('').members;
    const twoTeams = {
      ...org,
      members: new Map([
        ...withAlice,
        ['risk', new Set(['alice@example.com', 'dave@example.com', 'erin@example.com'])],
      ]),
    };
    const report = offboardReport('alice@example.com', ids, twoTeams, []);
    expect(withSuccessors(report, ids, twoTeams, choice(null, { payments: 'carol@example.com' }), didYouMean)).toEqual(
      fail('no successor for team risk (model): add --successor risk=EMAIL'),
    );
    const r = withSuccessors(
      report,
      ids,
      twoTeams,
      choice('erin@example.com', { payments: 'carol@example.com' }),
      didYouMean,
    );
    if (!r.ok) throw new Error(messageOf(r));
    expect(r.value.identities.map((h) => [h.identity, h.proposal[SUCCESSOR]])).toEqual([
      ['app', 'carol@example.com'],
      ['model', 'erin@example.com'],
    ]);
  });

  it('without a valid org.yaml nothing can be checked: exit 2', () => {
    const ids = [identity('app')];
    expect(
      withSuccessors(
        offboardReport('alice@example.com', ids, null, []),
        ids,
        null,
        choice('carol@example.com'),
        didYouMean,
      ),
    ).toEqual(
      fail(
        "--successor needs a valid identities/org.yaml: a successor must be a member of the identity's team " +
          '(run idac validate)',
      ),
    );
  });
});
