import { CODEOWNERS_FOR_IDENTITY, edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const CO = '.github/CODEOWNERS';
const fresh = CODEOWNERS_FOR_IDENTITY;
const withHandle = edit(ORG, '    payments:\n', '    payments:\n      github: "@acme/payments"\n');

ruleTable('codeowners/stale', {
  good: [
    { name: 'CODEOWNERS matches', files: { [at]: IDENTITY, [CO]: fresh } },
    { name: 'no CODEOWNERS file: nothing to check', files: { [at]: IDENTITY } },
    {
      name: 'owners in another order and case',
      files: {
        [at]: IDENTITY,
        [CO]: fresh.replace('alice@example.com bob@example.com', 'BOB@example.com alice@example.com'),
      },
    },
    {
      name: "extra comments and lines are the repo's own business",
      files: { [at]: IDENTITY, [CO]: `${fresh}# docs\n/docs/ writer@example.com\n` },
    },
    {
      name: 'the team handle is expected when org.yaml gives one',
      files: {
        'identities/org.yaml': withHandle,
        [at]: IDENTITY,
        [CO]: fresh
          .replace('/.github/ sec@example.com\n', '/.github/ sec@example.com\n/identities/payments/ @acme/payments\n')
          .replace('bob@example.com\n', 'bob@example.com @acme/payments\n'),
      },
    },
    {
      name: 'a line for a manifest that exists but does not validate is not stale (only uncheckable)',
      files: {
        [at]: IDENTITY,
        'identities/payments/my app.yaml': 'a: [\n',
        [CO]: `${fresh}/identities/payments/my\\ app.yaml alice@example.com\n`,
      },
    },
  ],
  bad: [
    {
      name: 'a line for an identity file that is gone: on that CODEOWNERS line, as codeowners --check reports it',
      files: {
        [at]: IDENTITY,
        [CO]:
          `${fresh}/identities/payments/gone.yaml alice@example.com\n/identities/payments/my\\ app.yaml ` +
          `alice@example.com\n`,
      },
      expect: [
        {
          line: 7,
          column: 1,
          file: CO,
          messageId: 'orphanLine',
          message: new RegExp(
            String.raw`^\.github\/CODEOWNERS line 7 names \/identities\/payments\/gone\.yaml, ` +
              String.raw`which is no longer an identity file; run ` +
              '`idac codeowners`' +
              String.raw` and commit the result$`,
          ),
        },
        {
          line: 8,
          column: 1,
          file: CO,
          messageId: 'orphanLine',
          message: /line 8 names \/identities\/payments\/my\\ app\.yaml, which is no longer/,
        },
      ],
    },
    {
      name: 'owner changed, CODEOWNERS not regenerated: at the owner line',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: carol@example.com'), [CO]: fresh },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'wrongOwners',
          message: new RegExp(
            String.raw`^\.github\/CODEOWNERS line 6 gives \/identities\/payments\/app\.yaml to alice@example\.com ` +
              String.raw`bob@example\.com, but the manifests say carol@example\.com bob@example\.com; run ` +
              '`idac codeowners`',
          ),
        },
      ],
    },
    {
      name: 'a new identity without a line',
      files: {
        [at]: IDENTITY,
        'identities/payments/other.yaml': edit(IDENTITY, 'name: app', 'name: other'),
        [CO]: fresh,
      },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'missingLine',
          file: 'identities/payments/other.yaml',
          message: new RegExp(
            String.raw`has no line for \/identities\/payments\/other\.yaml: it should be ` +
              '`' +
              String.raw`\/identities\/payments\/other\.yaml alice@example\.com bob@example\.com` +
              '`',
          ),
        },
      ],
    },
    {
      name: 'security owners changed: at org.yaml',
      files: {
        'identities/org.yaml': edit(
          ORG,
          'securityOwners: [sec@example.com]',
          'securityOwners: [sec@example.com, dave@example.com]',
        ),
        [at]: IDENTITY,
        [CO]: fresh,
      },
      expect: [
        { line: 4, column: 19, file: 'identities/org.yaml', messageId: 'wrongOwners' },
        { line: 4, column: 19, file: 'identities/org.yaml', messageId: 'wrongOwners' },
        { line: 4, column: 19, file: 'identities/org.yaml', messageId: 'wrongOwners' },
        { line: 4, column: 19, file: 'identities/org.yaml', messageId: 'wrongOwners' },
      ],
    },
    {
      name: 'a team handle added in org.yaml',
      files: { 'identities/org.yaml': withHandle, [at]: IDENTITY, [CO]: fresh },
      expect: [
        {
          line: 7,
          column: 15,
          file: 'identities/org.yaml',
          messageId: 'missingLine',
          message: /has no line for \/identities\/payments\//,
        },
        { line: 9, column: 12, file: at, messageId: 'wrongOwners' },
      ],
    },
  ],
});
