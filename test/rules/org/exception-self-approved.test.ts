import { describe, expect, it } from 'vitest';
import { edit, IDENTITY, ORG, ruleTable, run } from '../harness.js';
import { at, orgFile, risk, withExceptions } from './fixture.js';

// Alice owns app and is also a security owner, so only the self-approval is wrong with her approval.
const ORG2 = edit(
  ORG,
  'securityOwners: [sec@example.com]',
  'securityOwners: [sec@example.com, alice@example.com, dave@example.com]',
);
type Ex = { identity?: string; rule?: string; approvedBy: string };
const exceptions = (...list: Ex[]) => withExceptions(ORG2, ...list);

ruleTable('org/exception-self-approved', {
  good: [
    {
      name: 'approved by a security owner who does not own the identity',
      files: { [orgFile]: exceptions({ approvedBy: 'sec@example.com' }), [at]: IDENTITY },
    },
    {
      name: "the owner approving an exception for someone else's identity",
      files: {
        [orgFile]: exceptions({ identity: 'worker', approvedBy: 'alice@example.com' }),
        [at]: IDENTITY,
        'identities/risk/worker.yaml': risk('worker'),
      },
    },
    {
      name: 'an exception for an identity not in the repository',
      files: { [orgFile]: exceptions({ identity: 'ghost', approvedBy: 'alice@example.com' }), [at]: IDENTITY },
    },
    { name: 'no exceptions', files: { [orgFile]: ORG2, [at]: IDENTITY } },
  ],
  bad: [
    {
      name: "the owner approving their own identity's exception, case-insensitively",
      files: { [orgFile]: exceptions({ approvedBy: 'Alice@Example.com' }), [at]: IDENTITY },
      expect: [
        {
          file: orgFile,
          line: 33,
          column: 19,
          messageId: 'selfApproved',
          message: new RegExp(
            String.raw`^exception for "app" \/ "rotation\/required" is approved by "Alice@Example.com", the ` +
              String.raw`identity's owner; it suppresses nothing until someone else approves it$`,
          ),
        },
      ],
    },
    {
      name: 'only the self-approved one of three, across team folders',
      files: {
        [orgFile]: exceptions(
          { approvedBy: 'sec@example.com' },
          { identity: 'worker', approvedBy: 'dave@example.com' },
          { identity: 'worker', rule: 'rotation/max-period', approvedBy: 'alice@example.com' },
        ),
        [at]: IDENTITY,
        'identities/risk/worker.yaml': risk('worker'),
        'identities/risk/other.yaml': risk('other'),
      },
      expect: [
        {
          file: orgFile,
          line: 38,
          column: 19,
          messageId: 'selfApproved',
          message: /exception for "worker" \/ "rotation\/required" is approved by "dave@example.com"/,
        },
      ],
    },
    {
      name: 'a self-approval that is wrong on other counts too',
      files: {
        [orgFile]: edit(
          exceptions({ approvedBy: 'alice@example.com' }),
          'sec@example.com, alice@example.com, ',
          'sec@example.com, ',
        ),
        [at]: IDENTITY,
      },
      expect: [{ file: orgFile, line: 33, column: 19, messageId: 'selfApproved' }],
    },
  ],
});

describe('a self-approved exception suppresses nothing', () => {
  const keys = (text: string) => edit(text, 'principal: role', 'principal: user');
  const rotationFindings = async (org: string) =>
    (
      await run({
        files: { [orgFile]: org, [at]: keys(IDENTITY), 'identities/risk/worker.yaml': keys(risk('worker')) },
      })
    )
      .filter((f) => f.rule === 'rotation/required')
      .map((f) => f.identity);

  it('without exceptions both identities are reported', async () => {
    expect(await rotationFindings(ORG2)).toEqual(['app', 'worker']);
  });
  it("the owner's own approval leaves the finding it names", async () => {
    expect(await rotationFindings(exceptions({ approvedBy: 'ALICE@example.com' }))).toEqual(['app', 'worker']);
  });
  it('a proper exception still suppresses its finding, next to a self-approved one', async () => {
    expect(
      await rotationFindings(
        exceptions({ approvedBy: 'alice@example.com' }, { identity: 'worker', approvedBy: 'alice@example.com' }),
      ),
    ).toEqual(['app']);
  });
});
