import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, conditioned, elevation, perms, tombstone } from './fixture.js';

// Sizes are computed here from AWS's rule (compact JSON, whitespace not counted), independently of
// the renderer under test.
const size = (resources: string[]): number =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: resources }],
  }).length;
const arn = (n: number): string => `arn:aws:s3:::bank-drop/${'k'.repeat(n)}`;
/** Object ARNs whose rendered policy is exactly `total` characters. */
function resourcesOf(total: number): string[] {
  const out: string[] = [];
  while (size([...out, arn(1000), arn(1)]) <= total) out.push(arn(1000));
  out.push(arn(1 + total - size([...out, arn(1)])));
  if (size(out) !== total) throw new Error('fixture arithmetic');
  return out;
}
const sized = (total: number): string => perms(['s3:GetObject', resourcesOf(total).join(', ')]);
const user = (text: string): string => edit(text, 'principal: role', 'principal: user');

ruleTable('aws/policy-size', {
  good: [
    { name: 'a small policy', files: { [at]: IDENTITY } },
    { name: 'a role at exactly 10,240 characters', files: { [at]: sized(10_240) } },
    { name: 'a user at exactly 2,048 characters', files: { [at]: user(sized(2_048)) } },
    {
      name: 'Latin-1 characters are allowed',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop/café/*']) },
    },
    {
      name: 'an ended elevation no longer counts',
      files: {
        [at]: elevation(
          sized(10_000),
          's3:PutObject',
          resourcesOf(1_000).join(', '),
          '2026-11-20T00:00:00Z',
          '2026-11-20T08:00:00Z',
        ),
      },
    },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(sized(10_241)) } },
  ],
  bad: [
    {
      name: 'a role one character over',
      files: { [at]: sized(10_241) },
      expect: [
        {
          line: 22,
          column: 7,
          messageId: 'tooLarge',
          message:
            /^the rendered policy is 10241 characters, over AWS's 10240-character limit for a role's inline policies$/,
        },
      ],
    },
    {
      name: 'a user over 2,048',
      files: { [at]: user(sized(2_049)) },
      expect: [
        {
          line: 22,
          column: 7,
          messageId: 'tooLarge',
          message: /2049 characters, over AWS's 2048-character limit for a user's/,
        },
      ],
    },
    {
      name: 'an active elevation pushes it over',
      files: { [at]: elevation(sized(10_000), 's3:PutObject', resourcesOf(1_000).join(', ')) },
      expect: [
        {
          line: 32,
          column: 11,
          messageId: 'elevationTooLarge',
          message: new RegExp(
            String.raw`^with this elevation the rendered policy is \d+ characters, over AWS's 10240-character ` +
              String.raw`limit for a role's inline policies \(10000 without elevations\)$`,
          ),
        },
      ],
    },
    {
      name: 'an elevation still to come will push it over',
      files: {
        [at]: elevation(
          sized(10_000),
          's3:PutObject',
          resourcesOf(1_000).join(', '),
          '2026-12-01T00:00:00Z',
          '2026-12-01T08:00:00Z',
        ),
      },
      expect: [{ line: 32, column: 11, messageId: 'elevationTooLarge' }],
    },
    {
      name: 'conditions count: a user policy over 2,048 only with its condition',
      files: {
        [at]: user(
          conditioned(
            's3:GetObject',
            arn(1800),
            `{ StringEquals: { "aws:SourceVpc": [${Array.from({ length: 20 }, (_, i) => `vpc-${i}`).join(', ')}] } }`,
          ),
        ),
      },
      expect: [{ line: 22, column: 7, messageId: 'tooLarge', message: /^the rendered policy is 2\d{3} characters/ }],
    },
    {
      name: 'a character IAM rejects in a condition value',
      files: {
        [at]: conditioned('s3:GetObject', 'arn:aws:s3:::bank-drop/*', '{ StringEquals: { "aws:SourceVpc": vpc-€ } }'),
      },
      expect: [{ line: 25, column: 58, messageId: 'badCharacter', message: /"vpc-€" holds the character U\+20AC/ }],
    },
    {
      name: 'a character IAM rejects',
      files: { [at]: perms(['s3:GetObject', 'arn:aws:s3:::bank-drop/€/*']) },
      expect: [
        {
          line: 24,
          column: 23,
          messageId: 'badCharacter',
          message: /holds the character U\+20AC, which IAM policies may not contain/,
        },
      ],
    },
  ],
});
