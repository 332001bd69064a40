import { expect, it } from 'vitest';
import { edit, IDENTITY, ORG, ruleTable, run } from '../harness.js';

const at = 'identities/payments/app.yaml';
const unquotedAccount = edit(IDENTITY, 'account: "123456789012"', 'account: 012345678901');

ruleTable('schema/type', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'yes, no, on, off, 0777 and 1.10 are text in YAML 1.2',
      files: {
        [at]: edit(
          IDENTITY,
          '  name: app\n',
          '  name: app\n  labels:\n    a: yes\n    b: NO\n    c: on\n    d: 0777x\n    e: "1.10"\n',
        ),
      },
    },
    {
      name: 'and stay text under %YAML 1.1',
      files: {
        [at]:
          `%YAML 1.1\n---\n` +
          edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    country: NO\n    enabled: yes\n'),
      },
    },
  ],
  bad: [
    {
      name: 'unquoted account id 012345678901',
      files: { [at]: unquotedAccount },
      expect: [
        {
          line: 18,
          column: 16,
          messageId: 'wrongType',
          message: new RegExp(
            String.raw`^spec\.access\.aws\.account must be an AWS account id: twelve digits in quotes, ` +
              String.raw`so YAML keeps leading zeros, not a number$`,
          ),
        },
      ],
    },
    {
      name: 'a 30-digit account id',
      files: { [at]: edit(IDENTITY, 'account: "123456789012"', 'account: 123456789012345678901234567890') },
      expect: [{ line: 18, column: 16, messageId: 'wrongType', message: /not a number$/ }],
    },
    {
      name: 'a trust kind written as text (it takes a mapping or a list of them)',
      files: {
        [at]: edit(
          IDENTITY,
          '        kubernetes: { cluster',
          '        service: lambda.amazonaws.com\n        kubernetes: { cluster',
        ),
      },
      expect: [
        {
          line: 21,
          column: 18,
          messageId: 'wrongType',
          message: new RegExp(
            String.raw`^spec\.access\.aws\.trust\.service must be a mapping, or a list of mappings ` +
              String.raw`\(one per service principal\), not a string$`,
          ),
        },
      ],
    },
    {
      name: 'an unquoted trusted account id',
      files: {
        [at]: edit(
          IDENTITY,
          '        kubernetes: { cluster',
          '        account: { id: 012345678901 }\n        kubernetes: { cluster',
        ),
      },
      expect: [{ line: 21, column: 24, messageId: 'wrongType', message: /twelve digits in quotes, not a number/ }],
    },
    {
      name: 'apiVersion: 1.10',
      files: { [at]: edit(IDENTITY, 'apiVersion: idac/v1', 'apiVersion: 1.10') },
      expect: [
        {
          line: 1,
          column: 13,
          messageId: 'wrongType',
          message: new RegExp(
            String.raw`^apiVersion must be a string, not a fraction; quote it: unquoted digits become a` +
              String.raw` number and lose leading zeros$`,
          ),
        },
      ],
    },
    {
      name: 'principal: 0x1F (one finding: the type, not also the enum)',
      files: { [at]: edit(IDENTITY, 'principal: role', 'principal: 0x1F') },
      expect: [{ line: 19, column: 18, messageId: 'wrongType', message: /must be a string, not a number/ }],
    },
    {
      name: 'purpose: 1e3',
      files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files from the bank drop bucket.', 'purpose: 1e3') },
      expect: [{ line: 7, column: 12, messageId: 'wrongType' }],
    },
    {
      name: 'a boolean where text belongs',
      files: { [at]: edit(IDENTITY, 'team: payments', 'team: true') },
      expect: [
        {
          line: 11,
          column: 11,
          messageId: 'wrongType',
          message: /not a boolean; quote it: unquoted, true and false become booleans$/,
        },
      ],
    },
    {
      name: 'owner: ~',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner: ~') },
      expect: [
        {
          line: 9,
          column: 12,
          messageId: 'wrongType',
          message: /^spec\.stewardship\.owner must be an email address, not empty \(null\)$/,
        },
      ],
    },
    {
      name: 'owner: with nothing after it',
      files: { [at]: edit(IDENTITY, 'owner: alice@example.com', 'owner:') },
      expect: [{ line: 9, column: 11, messageId: 'wrongType' }],
    },
    {
      name: 'rotation period 90 without a unit',
      files: {
        [at]: edit(IDENTITY, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  rotation:\n    period: 90\n'),
      },
      expect: [
        {
          line: 14,
          column: 13,
          messageId: 'wrongType',
          message: /^spec\.rotation\.period must be a duration: a whole number followed by m, h or d .*, not a number/,
        },
      ],
    },
    {
      name: 'epoch 1.5',
      files: {
        [at]: edit(
          IDENTITY,
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  rotation:\n    period: 30d\n    epoch: 1.5\n',
        ),
      },
      expect: [{ line: 15, column: 12, messageId: 'wrongType', message: /must be a whole number, not a fraction/ }],
    },
    {
      name: 'a scalar where a mapping belongs',
      files: { [at]: edit(IDENTITY, 'metadata:\n  name: app\n', 'metadata: app\n') },
      expect: [{ line: 3, column: 11, messageId: 'wrongType', message: /^metadata must be a mapping, not a string$/ }],
    },
    {
      name: 'a scalar where a list belongs',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: s3:GetObject') },
      expect: [{ line: 23, column: 20, messageId: 'wrongType', message: /must be a list, not a string/ }],
    },
    {
      name: 'requireCostCenter: yes under %YAML 1.1 stays the text "yes"',
      files: {
        'identities/org.yaml':
          `%YAML 1.1\n---\n` +
          edit(ORG, '    certificateTtl: 90d\n', '    certificateTtl: 90d\n    requireCostCenter: yes\n'),
      },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 31,
          column: 24,
          messageId: 'wrongType',
          message: /^spec\.limits\.requireCostCenter must be a boolean, not a string; write true or false/,
        },
      ],
    },
  ],
});

it('schema/type: an unquoted account id is never passed on as 12345678901', async () => {
  const findings = await run({ name: 'account', files: { [at]: unquotedAccount } });
  expect(findings.length).toBeGreaterThan(0);
  expect(JSON.stringify(findings)).not.toContain('12345678901');
});
