import { IDENTITY, ruleTable } from '../harness.js';
import { fake } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow, placements } from '../../secrets/rows.js';

const pg = fake.postgres();

ruleTable('secret/known-credential', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    {
      name: 'a connection string without a password',
      files: { [APP]: plant.comment('postgres://db.prod.internal:5432/ledger') },
    },
    {
      name: 'a connection string with a placeholder password',
      files: { [APP]: plant.comment('postgres://ledger:${DB_PASSWORD}@db.prod.internal:5432/ledger') },
    },
    {
      name: 'a URL without credentials',
      files: { [APP]: plant.comment('https://vault.acme.example:8200/v1/kv/data/payments') },
    },
    { name: 'an email address', files: { [APP]: plant.comment('ask alice@example.com') } },
    { name: 'a Slack channel name', files: { [APP]: plant.comment('#payments-alerts on Slack') } },
    {
      name: "a GitHub token in a URL is github-token's",
      files: { [APP]: plant.comment(`https://x-access-token:${fake.github('ghs')}@github.com/acme/infra`) },
    },
  ],
  bad: [
    ...placements(fake.slack(), 'knownKind', /^Slack token \(fingerprint [0-9a-f]{8}\)/),
    badRow('an npm token', plant.comment(fake.npm()), fake.npm(), 'knownKind', /^npm access token/),
    badRow('an OpenAI key', plant.value(fake.openai()), fake.openai(), 'knownKind', /^OpenAI API key/),
    badRow(
      'an Anthropic key',
      plant.label('llm', fake.anthropic()),
      fake.anthropic(),
      'knownKind',
      /^Anthropic API key/,
    ),
    badRow('a SendGrid key', plant.comment(fake.sendgrid()), fake.sendgrid(), 'knownKind', /^SendGrid API key/),
    badRow('a Shopify token', plant.comment(fake.shopify()), fake.shopify(), 'knownKind', /^Shopify API key/),
    badRow('a Linear key', plant.comment(fake.linear()), fake.linear(), 'knownKind', /^Linear API key/),
    badRow(
      'a 1Password service-account token',
      plant.comment(fake.onePassword()),
      fake.onePassword(),
      'knownKind',
      /^1Password service-account token/,
    ),
    badRow(
      'a PostgreSQL connection string',
      plant.comment(`DATABASE_URL=${pg}`),
      pg,
      'knownKind',
      /^PostgreSQL connection string with a password/,
    ),
    badRow(
      'a MongoDB connection string',
      plant.value(pg.replace('postgres', 'mongodb+srv')),
      pg.replace('postgres', 'mongodb+srv'),
      'knownKind',
      /^MongoDB connection string/,
    ),
    badRow(
      'a URL with a password',
      plant.comment(fake.basicAuth()),
      fake.basicAuth(),
      'knownKind',
      /^URL with a user name and password/,
    ),
    badRow(
      'a Slack webhook',
      plant.comment(fake.slackWebhook()),
      fake.slackWebhook(),
      'knownKind',
      /^Slack incoming-webhook URL/,
    ),
    badRow(
      'under a secretlint-disable comment (no inline suppression)',
      plant.comment(`secretlint-disable\n# ${fake.npm()}`),
      fake.npm(),
      'knownKind',
    ),
  ],
});
