// The trust policy of an identity's IAM role: one statement per principal spec.access.aws.trust
// names, each pinned as narrowly as the principal's tokens allow. Compact JSON with a fixed key
// order, so the same manifest always gives the same string.

import { githubSubjects, trustItems } from '../access/trust.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { CompileContext, Input } from './types.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/**
 * The role's trust policy as compact JSON with a fixed key order, so the same manifest always
 * gives the same string (a reordered document would show as a spurious update in the plan).
 */
export function trustPolicy(aws: Aws, ctx: CompileContext): string {
  const providers = ctx.org?.spec.targets?.aws?.[aws.account]?.oidcProviders ?? {};
  const statements: Input[] = [];
  for (const { item: gh } of trustItems(aws.trust, 'github')) {
    const issuer = issuerHost(providers.github ?? GITHUB_ISSUER);
    const subjects = githubSubjects(gh);
    // No subject pinned (aws/trust-github-subject reports it): an empty list matches no token,
    // where leaving the condition out would admit every workflow on GitHub.
    statements.push(webIdentity(aws.account, issuer, subjects.length === 1 ? subjects[0]! : subjects));
  }
  for (const { item: k } of trustItems(aws.trust, 'kubernetes')) {
    const declared = Object.hasOwn(providers, k.cluster) ? providers[k.cluster] : undefined;
    // An undeclared issuer (aws/trust-oidc-provider reports it) still compiles, visibly, so the plan shows it.
    const issuer = declared !== undefined ? issuerHost(declared) : `unknown-oidc-provider/${k.cluster}`;
    statements.push(webIdentity(aws.account, issuer, `system:serviceaccount:${k.namespace}:${k.serviceAccount}`));
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function webIdentity(account: string, issuer: string, sub: string | string[]): Input {
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${issuer}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: sub } },
  };
}

/** IAM names an OIDC provider, and its condition keys, by the issuer URL without `https://`. */
function issuerHost(url: string): string {
  return url
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
}
