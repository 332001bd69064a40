import { describe, expect, it } from 'vitest';
import { IDENTITY, ruleTable } from '../harness.js';
import rule from '../../../src/rules/secret/aws-secret-access-key.js';
import { secretlintScan } from '../../../src/rules/lib/secretlint-scan.js';
import { fake } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow } from '../../secrets/rows.js';
import { messageText } from '../../../src/rules/types.js';

const secret = fake.awsSecret();

ruleTable('secret/aws-secret-access-key', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    {
      name: 'the AWS documentation example',
      files: {
        [APP]: plant.comment(`aws_secret_access_key = ${['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/')}`),
      },
    },
    { name: 'a placeholder', files: { [APP]: plant.comment('aws_secret_access_key: <from vault>') } },
    { name: 'a reference', files: { [APP]: plant.comment('aws_secret_access_key: ${AWS_SECRET_ACCESS_KEY}') } },
    { name: '39 characters', files: { [APP]: plant.comment(`aws_secret_access_key: ${secret.slice(1)}`) } },
  ],
  bad: [
    badRow(
      'in a comment',
      plant.comment(`aws_secret_access_key: ${secret}`),
      secret,
      'secretAccessKey',
      /^AWS secret access key \(fingerprint [0-9a-f]{8}\)/,
    ),
    badRow(
      'quoted, credentials-file style',
      plant.comment(`AWS_SECRET_ACCESS_KEY="${secret}"`),
      secret,
      'secretAccessKey',
    ),
    badRow(
      'camelCase key in a flow mapping',
      plant.comment(`{ accessKeyId: x, secretAccessKey: ${secret} }`),
      secret,
      'secretAccessKey',
    ),
    badRow('with =>', plant.comment(`:secret_access_key => '${secret}'`), secret, 'secretAccessKey'),
    badRow(
      'in a file that fails to parse',
      plant.broken(`aws_secret_access_key: ${secret}`),
      secret,
      'secretAccessKey',
    ),
    badRow(
      'in a second YAML document',
      `${IDENTITY}---\naws_secret_access_key: ${secret}\n`,
      secret,
      'secretAccessKey',
    ),
  ],
});

describe('secret/aws-secret-access-key text', () => {
  it('is the whole 40-character key, not secretlint 11.7.1 range that starts at the key name', async () => {
    const text = `x: 1\naws_secret_access_key: "${secret}"\n`;
    const matches = await rule.check({ text, secretlint: () => secretlintScan(text) });
    expect(matches.map((m) => ({ offset: m.offset, text: m.text, message: messageText(rule, m) }))).toEqual([
      { offset: text.indexOf(secret), text: secret, message: 'AWS secret access key' },
    ]);
  });
});
