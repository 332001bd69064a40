import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { edit, IDENTITY, ORG, ruleTable, type Row } from '../harness.js';
import { chars, fake } from '../../secrets/fakes.js';
import { APP, ORG_FILE, plant } from '../../secrets/plant.js';
import { badRow } from '../../secrets/rows.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const pw = fake.password();
const hex = chars('0123456789abcdef', 64, 'digest');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

/** Every file the project ships as manifests, each scanned as text (wherever it lands, text rules read it). */
// examples/risky holds a planted password on purpose: it is a bad row below.
const shipped: Row[] = ['examples', 'identities']
  .flatMap((d) => files(join(root, d)))
  .filter((f) => !f.includes('/examples/risky/'))
  .map((f, i) => ({
    name: `shipped file ${relative(root, f)}`,
    files: { [`identities/scan/f${i}.yaml`]: readFileSync(f, 'utf8') },
  }));

ruleTable('secret/high-entropy', {
  good: [
    { name: 'a clean identity and org', files: { [APP]: IDENTITY } },
    ...shipped,
    {
      name: 'an ARN under a secret key',
      files: {
        [APP]: plant.comment('secretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments/ledger-Xk9mQ2'),
      },
    },
    {
      name: 'IAM actions with secret in their names',
      files: {
        [APP]: edit(
          IDENTITY,
          '[s3:GetObject]',
          '[secretsmanager:GetSecretValue, secretsmanager:ListSecretVersionIds, sts:GetSessionToken]',
        ),
      },
    },
    { name: 'an email under an auth key', files: { [APP]: plant.comment('auth: payments-oncall@acme.example') } },
    {
      name: 'a Vault path under a secret key',
      files: { [APP]: plant.comment('secretPath: kv/data/payments/ledger-writer/credentials') },
    },
    {
      name: 'a delivery target under a secret key',
      files: { [APP]: plant.comment('kubernetesSecret: { namespace: payments, name: ledger-writer-credentials }') },
    },
    { name: 'a date-time under a token key', files: { [APP]: plant.comment('tokenIssued: 2026-11-23T08:00:00Z') } },
    {
      name: 'a name under a credential key',
      files: { [APP]: plant.comment('credentialOwner: settlement-reader-prod-eu') },
    },
    {
      name: 'a schema URL under a token key',
      files: { [APP]: plant.comment('tokenSchema: https://schemas.acme.example/idac/v1/machine-identity.schema.json') },
    },
    {
      name: 'a purpose sentence mentioning tokens',
      files: { [APP]: plant.value('short-lived tokens: rotated daily by the platform team') },
    },
    { name: 'a sha256 digest in a comment (no secret key)', files: { [APP]: plant.comment(`image sha256:${hex}`) } },
    { name: 'a placeholder reference', files: { [APP]: plant.comment('password: ${LEDGER_DB_PASSWORD}') } },
    { name: 'words joined by dashes', files: { [APP]: plant.comment('password_hint: correct-horse-battery-staple') } },
    {
      name: 'fifteen random characters (below the length floor)',
      files: { [APP]: plant.comment(`password_hint: ${pw.slice(0, 15)}`) },
    },
    {
      name: 'a reference, not a value, under a password key',
      files: { [APP]: plant.comment('password: ${DB_PASSWORD}') },
    },
    { name: 'a random value under an ordinary key', files: { [APP]: plant.comment(`build: ${pw}`) } },
    { name: 'a long camelCase key', files: { [APP]: plant.key('serviceAccountTokenExpirationSeconds') } },
    {
      name: "a GitHub token under a token key is github-token's only",
      files: { [APP]: plant.comment(`token: ${fake.github()}`) },
    },
    {
      name: "an AWS secret key is aws-secret-access-key's only",
      files: { [APP]: plant.comment(`aws_secret_access_key: ${fake.awsSecret()}`) },
    },
    { name: "a JWT under an auth key is jwt's only", files: { [APP]: plant.comment(`authorization: ${fake.jwt()}`) } },
    {
      name: "a connection string under a password key is known-credential's only",
      files: { [APP]: plant.comment(`db_password_url: ${fake.postgres()}`) },
    },
  ],
  bad: [
    {
      name: 'a memorable password under a label named password',
      files: {
        [APP]: edit(
          IDENTITY,
          'metadata:\n  name: app\n',
          'metadata:\n  name: app\n  labels:\n    password: "Winter2026!"\n',
        ),
      },
      expect: [{ line: 6, column: 16, messageId: 'randomValue' }],
    },
    {
      name: "a passphrase under a key that is only a secret's name",
      files: { [APP]: plant.comment('db_password: correct-horse-battery-staple') },
      expect: [{ line: 25, column: 49, messageId: 'randomValue' }],
    },
    badRow(
      'a password in a comment',
      plant.comment(`password: ${pw}`),
      pw,
      'randomValue',
      /^random-looking value under a key named like a password \(fingerprint [0-9a-f]{8}\)/,
    ),
    badRow('key = value in a comment', plant.comment(`DB_PASSWD = ${pw}`), pw, 'randomValue', /named like a password/),
    badRow('KEY=value', plant.comment(`export API_KEY=${pw}`), pw, 'randomValue', /named like an API key/),
    badRow('a JSON pair', plant.comment(`{"client_secret": "${pw}"}`), pw, 'randomValue', /named like a secret/),
    badRow('a label value', plant.label('db-password', pw), pw, 'randomValue'),
    badRow(
      "a hyphenated AWS secret key name (not secretlint's pattern)",
      plant.label('secret-access-key', fake.awsSecret()),
      fake.awsSecret(),
      'randomValue',
      /named like an access key/,
    ),
    badRow(
      'a block scalar',
      edit(IDENTITY, '  name: app\n', `  name: app\n  labels:\n    private-key: |\n      ${pw}\n`),
      pw,
      'randomValue',
      /named like a private key/,
    ),
    badRow(
      'a plain scalar on the next line',
      edit(IDENTITY, '  name: app\n', `  name: app\n  labels:\n    token:\n      ${pw}\n`),
      pw,
      'randomValue',
      /named like a token/,
    ),
    badRow('a quoted value', plant.label('credentials', `'${pw}'`), pw, 'randomValue', /named like a credential/),
    badRow('a file that fails to parse', plant.broken(`token: "${pw}`), pw, 'randomValue'),
    badRow('a second YAML document', `${IDENTITY}---\nclient_secret: ${pw}\n`, pw, 'randomValue'),
    badRow(
      'an unknown key holding it',
      edit(IDENTITY, '  type: workload\n', `  type: workload\n  apiToken: ${pw}\n`),
      pw,
      'randomValue',
    ),
    badRow(
      'a hex token under an auth key',
      plant.comment(`auth_token: ${hex.slice(0, 32)}`),
      hex.slice(0, 32),
      'randomValue',
    ),
    badRow(
      'a random mapping key',
      plant.key(fake.password('as-key')),
      fake.password('as-key'),
      'randomKey',
      /^mapping key that looks like a random credential/,
    ),
    badRow(
      'a random key in a flow mapping',
      plant.label('x', `{ ${fake.password('flow')}: 1 }`),
      fake.password('flow'),
      'randomKey',
    ),
    badRow('in org.yaml', `${ORG}# vault_token: ${pw}\n`, pw, 'randomValue', undefined, ORG_FILE),
  ],
});
