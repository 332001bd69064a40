import { trustItems } from '../../access/trust.js';
import { didYouMean, guess, issuerHost } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const GITHUB = 'token.actions.githubusercontent.com';

const messages = {
  noClusterProvider:
    'AWS account {{account}} declares no OIDC provider for cluster {{cluster}} (org.yaml ' +
    'targets.aws."{{account}}".oidcProviders)',
  noGithubProvider:
    'AWS account {{account}} declares no GitHub Actions OIDC provider ({{provider}}) in org.yaml ' +
    'targets.aws."{{account}}".oidcProviders',
  noProvider:
    'AWS account {{account}} declares no OIDC provider {{provider}} (org.yaml targets.aws."{{account}}".' +
    'oidcProviders){{guess}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-oidc-provider',
    severity: 'error',
    title: 'Role trust names an OIDC provider the account does not declare',
    rationale:
      "A role is assumed through the OIDC provider of its account (an EKS cluster's issuer, GitHub " +
      'Actions, GitLab or another CI issuer); org.yaml declares which providers each account trusts. A trust ' +
      'through a provider that is ' +
      'not declared cannot be applied, or would be wired to an issuer nobody vetted.',
    fix:
      'Declare the provider under targets.aws.<account>.oidcProviders in identities/org.yaml (a security ' +
      'owner reviews it), or trust a cluster or provider the account already declares.',
    owasp: ['NHI3', 'NHI5'],
  },
  messages,
  check({ data }, { org }) {
    const aws = data.spec.access.aws;
    if (!org || !aws || aws.principal !== 'role' || !aws.trust) return [];
    const targets = org.spec.targets?.aws ?? {};
    // An undeclared account is target/aws-account's finding.
    if (!Object.hasOwn(targets, aws.account)) return [];
    const providers = targets[aws.account]?.oidcProviders ?? {};
    const out: Report<typeof messages>[] = [];
    const k8s = aws.trust.kubernetes;
    if (k8s && !Object.hasOwn(providers, k8s.cluster)) {
      out.push({
        path: ['spec', 'access', 'aws', 'trust', 'kubernetes', 'cluster'],
        messageId: 'noClusterProvider',
        data: { account: aws.account, cluster: k8s.cluster },
      });
    }
    if (aws.trust.github && !Object.values(providers).some((url) => url !== undefined && issuerHost(url) === GITHUB)) {
      out.push({
        path: ['spec', 'access', 'aws', 'trust', 'github'],
        at: 'key',
        messageId: 'noGithubProvider',
        data: { account: aws.account, provider: GITHUB },
      });
    }
    for (const { item, path } of trustItems(aws.trust, 'oidc')) {
      if (Object.hasOwn(providers, item.provider)) continue;
      out.push({
        path: [...path, 'provider'],
        messageId: 'noProvider',
        data: {
          account: aws.account,
          provider: item.provider,
          guess: guess(didYouMean(item.provider, Object.keys(providers))),
        },
      });
    }
    return out;
  },
});
