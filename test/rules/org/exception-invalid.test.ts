import { describe, expect, it } from 'vitest';
import { edit, IDENTITY, ORG, ruleTable, run } from '../harness.js';
import { at, orgFile, withExceptions } from './fixture.js';

const exception = (fields: { rule?: string; approvedBy?: string; expires?: string } = {}) =>
  withExceptions(ORG, fields);

ruleTable('org/exception-invalid', {
  good: [
    { name: 'a valid exception', files: { [orgFile]: exception() } },
    {
      name: 'approver compared case-insensitively',
      files: { [orgFile]: exception({ approvedBy: 'SEC@Example.com' }) },
    },
    {
      name: 'valid through the whole expiry day',
      files: { [orgFile]: exception({ expires: '2026-11-23' }) },
      now: '2026-11-23T23:59:59Z',
    },
    { name: 'no exceptions', files: { [orgFile]: `${ORG}  exceptions: []\n` } },
  ],
  bad: [
    {
      name: 'an unknown rule',
      files: { [orgFile]: exception({ rule: 'rotation/no-such-rule' }) },
      expect: [
        {
          file: orgFile,
          line: 31,
          column: 13,
          messageId: 'unknownRule',
          message: /rule "rotation\/no-such-rule", which does not exist/,
        },
      ],
    },
    {
      name: 'a mistyped rule',
      files: { [orgFile]: exception({ rule: 'rotation/requird' }) },
      expect: [
        {
          file: orgFile,
          line: 31,
          column: 13,
          messageId: 'unknownRule',
          message: new RegExp(
            String.raw`^exception names rule "rotation\/requird", which does not exist; did you mean ` +
              String.raw`rotation\/required\?; see idac rules$`,
          ),
        },
      ],
    },
    {
      name: 'a mistyped security owner',
      files: { [orgFile]: exception({ approvedBy: 'sec@example.co' }) },
      expect: [
        {
          file: orgFile,
          line: 33,
          column: 19,
          messageId: 'approverNotSecurityOwner',
          message: new RegExp(
            String.raw`^exception approver "sec@example\.co" is not a security owner \(spec\.securityOwners\); ` +
              String.raw`did you mean sec@example\.com\?$`,
          ),
        },
      ],
    },
    {
      name: 'a schema rule cannot be excepted',
      files: { [orgFile]: exception({ rule: 'schema/required' }) },
      expect: [
        {
          file: orgFile,
          line: 31,
          column: 13,
          messageId: 'notExceptable',
          message: /"schema\/required" cannot be excepted/,
        },
      ],
    },
    {
      name: 'nor an org rule, this one included',
      files: { [orgFile]: exception({ rule: 'org/exception-invalid' }) },
      expect: [{ file: orgFile, line: 31, column: 13, messageId: 'notExceptable', message: /cannot be excepted/ }],
    },
    {
      name: 'nor a plan rule (the plan reports it after exceptions apply)',
      files: { [orgFile]: exception({ rule: 'plan/protected-resource' }) },
      expect: [
        {
          file: orgFile,
          line: 31,
          column: 13,
          messageId: 'notExceptable',
          message:
            /"plan\/protected-resource" cannot be excepted \(parse\/, schema\/, secret\/, org\/ and plan\/ rules\)/,
        },
      ],
    },
    {
      name: 'approved by a team member, not a security owner',
      files: { [orgFile]: exception({ approvedBy: 'dave@example.com' }) },
      expect: [
        {
          file: orgFile,
          line: 33,
          column: 19,
          messageId: 'approverNotSecurityOwner',
          message: /approver "dave@example.com" is not a security owner/,
        },
      ],
    },
    {
      name: 'expired yesterday',
      files: { [orgFile]: exception({ expires: '2026-11-22' }) },
      expect: [
        {
          file: orgFile,
          line: 34,
          column: 16,
          messageId: 'expired',
          message: /exception for "app" \/ "rotation\/required" expired on 2026-11-22/,
        },
      ],
    },
    {
      name: 'expires at the start of the next day',
      files: { [orgFile]: exception({ expires: '2026-11-23' }) },
      now: '2026-11-24',
      expect: [{ file: orgFile, line: 34, column: 16, messageId: 'expired' }],
    },
  ],
});

// The point of an exception: a valid one removes that identity's finding of that rule, and nothing else.
describe('exceptions suppress findings', () => {
  const staticKeys = edit(IDENTITY, 'principal: role', 'principal: user');
  const rotationFindings = async (org: string, now?: string) =>
    (
      await run({
        files: {
          [orgFile]: org,
          [at]: staticKeys,
          'identities/payments/other.yaml': edit(staticKeys, 'name: app', 'name: other'),
        },
        ...(now ? { now } : {}),
      })
    )
      .filter((f) => f.rule === 'rotation/required')
      .map((f) => f.identity);

  it('without an exception both identities are reported', async () => {
    expect(await rotationFindings(ORG)).toEqual(['app', 'other']);
  });
  it('a valid exception suppresses the finding for its identity only', async () => {
    expect(await rotationFindings(exception())).toEqual(['other']);
  });
  it('an expired exception suppresses nothing', async () => {
    expect(await rotationFindings(exception({ expires: '2026-11-22' }))).toEqual(['app', 'other']);
  });
  it('an exception approved by someone who is not a security owner suppresses nothing', async () => {
    expect(await rotationFindings(exception({ approvedBy: 'dave@example.com' }))).toEqual(['app', 'other']);
  });
  it('an exception for another rule suppresses nothing', async () => {
    expect(await rotationFindings(exception({ rule: 'rotation/max-period' }))).toEqual(['app', 'other']);
  });
});
