import { yieldTo } from '../lib/secret-overlap.js';
import { defineRule, type MessageRef, type SecretlintMatch, type TextMatch } from '../types.js';
import awsAccessKeyId from './aws-access-key-id.js';
import awsSecretAccessKey from './aws-secret-access-key.js';
import githubToken from './github-token.js';
import jwt from './jwt.js';
import privateKey from './private-key.js';
import vaultToken from './vault-token.js';

const PREFIX = '@secretlint/secretlint-rule-';
/** secretlint rules that have a secret/* rule of their own. */
const OWN = new Set(['aws', 'github', 'privatekey', 'filter-comments'].map((r) => PREFIX + r));

/** secretlint rule (and message id) → the kind of credential, in words. */
const KINDS: Record<string, string> = {
  'slack/SLACK_TOKEN': 'Slack token',
  'slack/IncomingWebhook': 'Slack incoming-webhook URL',
  'npm/NPM_ACCESS_TOKEN': 'npm access token',
  'npm/Npmrc_authToken': 'npm auth token',
  'npm/PackageJSON_xOauthToken': 'GitHub OAuth token in a URL',
  'gcp/PrivateKeyJSON': 'GCP service-account key',
  'gcp/PrivateKeyP12': 'GCP service-account key',
  'openai/OPENAI_TOKEN': 'OpenAI API key',
  'anthropic/ANTHROPIC_API_KEY': 'Anthropic API key',
  'sendgrid/SENDGRID_KEY': 'SendGrid API key',
  'shopify/SHOPIFY_KEY': 'Shopify API key',
  'linear/LINEAR_API_TOKEN': 'Linear API key',
  '1password/OPS_TOKEN': '1Password service-account token',
  'basicauth/BasicAuth': 'URL with a user name and password (basic auth)',
  'database-connection-string/MongoDBConnection': 'MongoDB connection string with a password',
  'database-connection-string/MySQLConnection': 'MySQL connection string with a password',
  'database-connection-string/PostgreSQLConnection': 'PostgreSQL connection string with a password',
};

/** Names the credential; one of a secretlint rule this table does not know yet (a newer preset) by its provider. */
function kindOf(m: Pick<SecretlintMatch, 'ruleId' | 'messageId'>): MessageRef<typeof messages> {
  const provider = m.ruleId.startsWith(PREFIX) ? m.ruleId.slice(PREFIX.length) : m.ruleId;
  const kind = KINDS[`${provider}/${m.messageId}`];
  return kind !== undefined
    ? { messageId: 'knownKind', data: { kind } }
    : { messageId: 'providerCredential', data: { provider: provider.replace(/[^A-Za-z0-9 .-]/g, ' ') } };
}

const messages = {
  knownKind: '{{kind}}',
  providerCredential: '{{provider}} credential',
} as const;

export default defineRule({
  kind: 'text',
  meta: {
    id: 'secret/known-credential',
    severity: 'error',
    title: 'Third-party credential in a manifest',
    rationale:
      'Tokens and passwords of other services (Slack, npm, OpenAI, Anthropic, SendGrid, Shopify, Linear, ' +
      '1Password, databases, URLs with a password) in git are readable by everyone with access to the ' +
      'repository and its history, and are actively harvested.',
    fix:
      'Remove the credential from the file and from git history, revoke it at the provider, and keep it in a ' +
      'secret store that the workload reads at run time.',
    owasp: ['NHI2'],
  },
  messages,
  async check(scan) {
    const mine: TextMatch<typeof messages>[] = [];
    for (const m of await scan.secretlint()) {
      if (OWN.has(m.ruleId)) continue;
      mine.push({ offset: m.offset, text: scan.text.slice(m.offset, m.end), ...kindOf(m) });
    }
    // A connection string whose password is a GitHub token is reported as the GitHub token.
    return yieldTo(scan, [privateKey, githubToken, awsAccessKeyId, awsSecretAccessKey, vaultToken, jwt], mine);
  },
});
