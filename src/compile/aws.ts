// What an identity's spec.access.aws becomes in AWS IAM: a role trusted through OIDC (no static
// secret), or a user with rotated access keys; inline policies for its permissions and for each
// elevation in force. Lifecycle per DESIGN.md: a suspended identity keeps its principal (nothing is
// deleted, so the suspension is reversible) but loses every policy and its keys are deactivated.

import { renderAwsPolicy } from '../access/aws-policy.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { activeElevations, byName, ownership, resourceOf, statusOf } from './common.js';
import { deliveryResources } from './delivery.js';
import { generations } from './rotation.js';
import { outputOf, type CompileContext, type DesiredResource, type Input, type ProviderKey } from './types.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;
type Trust = NonNullable<Aws['trust']>;

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
/** IAM's default and the shortest it allows: a leaked session token is useful for an hour at most. */
const MAX_SESSION_SECONDS = 3600;

export function compileAws(data: MachineIdentity, ctx: CompileContext): DesiredResource[] {
  const aws = data.spec.access.aws;
  const status = statusOf(data);
  if (!aws || status === 'decommissioned') return [];
  const provider: ProviderKey = `aws:${aws.account}`;
  const { identity, team, owner } = ownership(data);
  const tags = { 'idac:identity': identity, 'idac:team': team, 'idac:owner': owner };
  const path = `/idac/${team}/`;
  const protect = data.spec.criticality === 'high' || data.spec.criticality === 'critical' ? { protect: true } : {};
  const principal =
    aws.principal === 'role'
      ? resourceOf(
          data,
          'aws:iam/role:Role',
          ['aws', 'role'],
          provider,
          {
            name: identity,
            path,
            assumeRolePolicy: trustPolicy(aws, ctx),
            tags,
            maxSessionDuration: MAX_SESSION_SECONDS,
          },
          protect,
        )
      : resourceOf(
          data,
          'aws:iam/user:User',
          ['aws', 'user'],
          provider,
          { name: identity, path, tags, forceDestroy: true },
          protect,
        );
  const out: DesiredResource[] = [principal];

  // Suspension revokes the access itself; the principal stays so that lifting it restores the same ARN.
  if (status === 'active') {
    const attach = (name: string, parts: string[], permissions: Aws['permissions']): void => {
      if (permissions.length === 0) return;
      const policy = JSON.stringify(renderAwsPolicy(permissions));
      out.push(
        principal.type === 'aws:iam/role:Role'
          ? resourceOf(data, 'aws:iam/rolePolicy:RolePolicy', ['aws', ...parts], provider, {
              name,
              role: outputOf(principal, 'name'),
              policy,
            })
          : resourceOf(data, 'aws:iam/userPolicy:UserPolicy', ['aws', ...parts], provider, {
              name,
              user: outputOf(principal, 'name'),
              policy,
            }),
      );
    };
    attach('idac', ['policy'], aws.permissions);
    for (const { key, elevation } of activeElevations(data, ctx.now))
      attach(`idac-${key}`, [key], elevation.access.aws?.permissions ?? []);
  }

  if (aws.principal === 'user') {
    // The same generations whatever the status, so a suspension only flips `status` on each key.
    const live = generations(data, ctx.now).live;
    const keys = live.map((g) =>
      resourceOf(
        data,
        'aws:iam/accessKey:AccessKey',
        ['aws', 'key', `g${g}`],
        provider,
        {
          user: outputOf(principal, 'name'),
          status: status === 'active' ? 'Active' : 'Inactive',
        },
        { secretOutputs: ['secret', 'sesSmtpPasswordV4'] },
      ),
    );
    out.push(...keys);
    const newest = keys[live.indexOf(Math.max(...live))]!;
    out.push(
      ...deliveryResources(data, ctx, {
        AWS_ACCESS_KEY_ID: outputOf(newest, 'id'),
        AWS_SECRET_ACCESS_KEY: outputOf(newest, 'secret'),
      }),
    );
  }
  return out.sort(byName);
}

/**
 * The role's trust policy as compact JSON with a fixed key order, so the same manifest always
 * gives the same string (a reordered document would show as a spurious update in the plan).
 */
export function trustPolicy(aws: Aws, ctx: CompileContext): string {
  const providers = ctx.org?.spec.targets?.aws?.[aws.account]?.oidcProviders ?? {};
  const statements: Input[] = [];
  const trust: Trust = aws.trust ?? {};
  if (trust.github) {
    const gh = trust.github;
    const issuer = issuerHost(providers.github ?? GITHUB_ISSUER);
    const subjects = [
      ...(gh.environment !== undefined ? [`repo:${gh.repository}:environment:${gh.environment}`] : []),
      ...(gh.ref !== undefined ? [`repo:${gh.repository}:ref:${gh.ref}`] : []),
      ...(gh.pullRequest === true ? [`repo:${gh.repository}:pull_request`] : []),
    ];
    // No subject pinned (aws/trust-github-subject reports it): an empty list matches no token,
    // where leaving the condition out would admit every workflow on GitHub.
    statements.push(webIdentity(aws.account, issuer, subjects.length === 1 ? subjects[0]! : subjects));
  }
  if (trust.kubernetes) {
    const k = trust.kubernetes;
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
