// Every credential format the secret/* rules know, as a fake, with the rule that must find it: the
// canary and the every-command test plant the same list.

import { fake } from './fakes.js';

export interface Credential {
  name: string;
  secret: string;
  rule: string;
  /** How the secret is written into a value or comment (some formats are only recognised next to their key). */
  inline?: (s: string) => string;
  /** The rule that finds the secret when it stands alone as a mapping key or name (default: `rule`). */
  bare?: string | null;
  multiline?: boolean;
}

export const CREDENTIALS: Credential[] = [
  { name: 'AWS access key id', secret: fake.awsKeyId(), rule: 'secret/aws-access-key-id' },
  {
    name: 'AWS secret access key',
    secret: fake.awsSecret(),
    rule: 'secret/aws-secret-access-key',
    inline: (s) => `aws_secret_access_key=${s}`,
    bare: 'secret/high-entropy',
  },
  { name: 'GitHub token', secret: fake.github('ghp'), rule: 'secret/github-token' },
  { name: 'GitHub fine-grained token', secret: fake.githubPat(), rule: 'secret/github-token' },
  { name: 'Vault service token', secret: fake.vaultService(), rule: 'secret/vault-token' },
  { name: 'Vault batch token', secret: fake.vaultBatch(), rule: 'secret/vault-token' },
  { name: 'Vault legacy token', secret: fake.vaultLegacy(), rule: 'secret/vault-token' },
  { name: 'JWT', secret: fake.jwt(), rule: 'secret/jwt' },
  { name: 'base64-wrapped JWT', secret: fake.jwtBase64(), rule: 'secret/jwt' },
  { name: 'RSA private key', secret: fake.privateKey(), rule: 'secret/private-key', multiline: true },
  { name: 'Slack token', secret: fake.slack(), rule: 'secret/known-credential' },
  { name: 'Slack webhook', secret: fake.slackWebhook(), rule: 'secret/known-credential' },
  { name: 'npm token', secret: fake.npm(), rule: 'secret/known-credential' },
  { name: 'OpenAI key', secret: fake.openai(), rule: 'secret/known-credential' },
  { name: 'Anthropic key', secret: fake.anthropic(), rule: 'secret/known-credential' },
  { name: 'SendGrid key', secret: fake.sendgrid(), rule: 'secret/known-credential' },
  { name: 'Shopify token', secret: fake.shopify(), rule: 'secret/known-credential' },
  { name: 'Linear key', secret: fake.linear(), rule: 'secret/known-credential' },
  { name: '1Password token', secret: fake.onePassword(), rule: 'secret/known-credential' },
  { name: 'PostgreSQL URL', secret: fake.postgres(), rule: 'secret/known-credential', bare: null },
  { name: 'URL with a password', secret: fake.basicAuth(), rule: 'secret/known-credential', bare: null },
  {
    name: 'password of no known format',
    secret: fake.password(),
    rule: 'secret/high-entropy',
    inline: (s) => `db_password=${s}`,
  },
];
