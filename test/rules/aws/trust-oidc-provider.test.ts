import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';
import { at, K8S_TRUST } from './fixture.js';
import { fed, trusting } from '../federation.js';

const github = (fields: string): string =>
  edit(IDENTITY, K8S_TRUST, `        github: { repository: acme/shop, ${fields} }\n`);
const PROVIDERS = 'oidcProviders: { prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE }';
const withProviders = (providers: string): string => edit(ORG, PROVIDERS, `oidcProviders: { ${providers} }`);
const otherCluster = edit(IDENTITY, 'cluster: prod-eu, namespace: payments', 'cluster: prod-us, namespace: payments');

ruleTable('aws/trust-oidc-provider', {
  good: [
    { name: 'a cluster the account declares', files: { [at]: IDENTITY } },
    {
      name: 'GitHub with the GitHub provider declared',
      files: {
        'identities/org.yaml': withProviders(
          'prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE, github: token.actions.githubusercontent.com',
        ),
        [at]: github('environment: production'),
      },
    },
    {
      name: 'the GitHub provider declared by its issuer host',
      files: {
        'identities/org.yaml': withProviders('github: token.actions.githubusercontent.com'),
        [at]: github('environment: production'),
      },
    },
    {
      name: "an undeclared account is target/aws-account's finding",
      files: { [at]: edit(otherCluster, 'account: "123456789012"', 'account: "210987654321"') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: otherCluster } },
    {
      name: 'an OIDC provider the account declares',
      files: fed(trusting('oidc: { provider: gitlab, audience: aud, subject: "project_path:acme/ledger" }')),
    },
    { name: 'a tombstone is skipped', files: { [at]: `${otherCluster}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'a cluster without a provider in the account',
      files: { [at]: otherCluster },
      expect: [
        {
          line: 21,
          column: 32,
          messageId: 'noClusterProvider',
          message: new RegExp(
            String.raw`^AWS account 123456789012 declares no OIDC provider for cluster prod-us \(org\.yaml ` +
              String.raw`targets\.aws\."123456789012"\.oidcProviders\)$`,
          ),
        },
      ],
    },
    {
      name: 'no providers at all',
      files: { 'identities/org.yaml': edit(ORG, `, ${PROVIDERS}`, ''), [at]: IDENTITY },
      expect: [{ line: 21, column: 32, messageId: 'noClusterProvider' }],
    },
    {
      name: 'GitHub without the GitHub provider',
      files: { [at]: github('environment: production') },
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'noGithubProvider',
          message: /declares no GitHub Actions OIDC provider \(token\.actions\.githubusercontent\.com\)/,
        },
      ],
    },
    {
      name: 'a look-alike GitHub provider',
      files: {
        'identities/org.yaml': withProviders('github: token.actions.githubusercontent.com.evil.example'),
        [at]: github('environment: production'),
      },
      expect: [{ line: 21, column: 9, messageId: 'noGithubProvider' }],
    },
    {
      name: 'OIDC providers the account does not declare, one a typo',
      files: fed(
        trusting(
          'oidc:',
          '  - { provider: gitlab, audience: aud, subject: s }',
          '  - { provider: gitlabb, audience: aud, subject: s }',
          '  - { provider: circleci, audience: aud, subject: s }',
        ),
      ),
      expect: [
        {
          line: 23,
          column: 25,
          messageId: 'noProvider',
          message: /^AWS account 123456789012 declares no OIDC provider gitlabb \(org\.yaml .*; did you mean gitlab\?$/,
        },
        { line: 24, column: 25, messageId: 'noProvider', message: /oidcProviders\)$/ },
      ],
    },
  ],
});
