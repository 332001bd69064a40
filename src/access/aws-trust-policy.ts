// The trust policy of an identity's IAM role (compile writes it; aws/trust-policy-size measures it):
// one statement per principal spec.access.aws.trust names, each pinned as narrowly as the
// principal's tokens allow. Compact JSON with a fixed key order, so the same manifest always gives
// the same string. The kinds and their pinning are the
// ones SPEC §2 and DESIGN.md agree on; src/access/trust.ts names the same principals for the plan.

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { OrgModel } from '../model/org.js';
import { servicePrincipal } from './aws-service-principals.js';
import { githubSubjects, trustItems, type TrustItem } from './trust.js';

/** What the trust policy reads besides the manifest: org.yaml's issuers, anchors and EKS clusters. */
export interface TrustContext {
  org: OrgModel | null;
}

/** A JSON value of the policy document. */
type Input = string | number | boolean | null | Input[] | { [key: string]: Input };

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
const POD_IDENTITY = 'pods.eks.amazonaws.com';
const ROLES_ANYWHERE = 'rolesanywhere.amazonaws.com';

/** The ARN of an identity's role: compile puts every role under the path /idac/<team>/. */
export function roleArn(account: string, team: string, name: string): string {
  return `arn:aws:iam::${account}:role/idac/${team}/${name}`;
}

/**
 * The role's trust policy as compact JSON with a fixed key order, so the same manifest always
 * gives the same string (a reordered document would show as a spurious update in the plan).
 * Statements come in a fixed kind order (github, kubernetes, service, eksPodIdentity, account,
 * oidc, rolesAnywhere) and, within a kind, sorted by their text, so reordering a list changes
 * nothing; two entries that compile to the same statement give it once.
 */
export function trustPolicy(aws: Aws, ctx: TrustContext): string {
  const target = ctx.org?.spec.targets?.aws?.[aws.account];
  const providers = target?.oidcProviders ?? {};
  const statements: Input[] = [];
  let kindStart = 0;
  // Each kind's statements sorted by their text once the kind is done.
  const endKind = (): void => {
    const kind = statements.splice(kindStart).sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b)));
    statements.push(...kind);
    kindStart = statements.length;
  };
  for (const { item: gh } of trustItems(aws.trust, 'github')) {
    const issuer = issuerHost(providers.github ?? GITHUB_ISSUER);
    const subjects = githubSubjects(gh);
    // No subject pinned (aws/trust-github-subject reports it): an empty list matches no token,
    // where leaving the condition out would admit every workflow on GitHub.
    statements.push(webIdentity(aws.account, issuer, subjects.length === 1 ? subjects[0]! : subjects));
  }
  endKind();
  for (const { item: k } of trustItems(aws.trust, 'kubernetes'))
    statements.push(
      webIdentity(
        aws.account,
        declaredIssuer(providers, k.cluster),
        `system:serviceaccount:${k.namespace}:${k.serviceAccount}`,
      ),
    );
  endKind();
  for (const { item } of trustItems(aws.trust, 'service')) statements.push(serviceStatement(aws.account, item));
  endKind();
  for (const { item } of trustItems(aws.trust, 'eksPodIdentity')) statements.push(podIdentityStatement(item, ctx));
  endKind();
  for (const { item } of trustItems(aws.trust, 'account')) statements.push(accountStatement(item));
  endKind();
  for (const { item } of trustItems(aws.trust, 'oidc')) {
    // No subject: an empty list matches no token (as for GitHub), where leaving it out would admit them all.
    const sub = item.subject ?? [];
    statements.push(
      webIdentity(aws.account, declaredIssuer(providers, item.provider), sub, item.audience, isPattern(sub)),
    );
  }
  endKind();
  for (const { item } of trustItems(aws.trust, 'rolesAnywhere'))
    statements.push(rolesAnywhereStatement(item, trustAnchorArn(ctx, aws.account, item.trustAnchor)));
  endKind();
  return JSON.stringify({ Version: '2012-10-17', Statement: unique(statements) });
}

/**
 * A service assumes the role: the confused-deputy guard pins aws:SourceAccount to the role's own
 * account, and aws:SourceArn to the manifest's sourceArn, each only when the service sends that key
 * (aws-service-principals.ts): a trust requiring a key the service never sends admits nobody.
 */
function serviceStatement(account: string, item: TrustItem<'service'>): Input {
  const known = servicePrincipal(item.principal);
  const condition: { [op: string]: Input } = {};
  if (known?.sourceAccount) condition.StringEquals = { 'aws:SourceAccount': account };
  if (known?.sourceArn && item.sourceArn !== undefined) condition.ArnLike = { 'aws:SourceArn': item.sourceArn };
  return statement({ Service: item.principal }, 'sts:AssumeRole', condition);
}

/**
 * EKS Pod Identity assumes the role for any association in the account that names it; the session
 * tags it always sets (cluster name, namespace, service account: the EKS guide's "Create IAM role
 * with trust policy required by EKS Pod Identity") pin the one service account the manifest names.
 * AWS documents no aws:SourceAccount / aws:SourceArn for this principal, so neither is pinned.
 */
function podIdentityStatement(item: TrustItem<'eksPodIdentity'>, ctx: TrustContext): Input {
  return statement({ Service: POD_IDENTITY }, ['sts:AssumeRole', 'sts:TagSession'], {
    StringEquals: {
      'aws:RequestTag/eks-cluster-name': eksClusterName(ctx, item.cluster),
      'aws:RequestTag/kubernetes-namespace': item.namespace,
      'aws:RequestTag/kubernetes-service-account': item.serviceAccount,
    },
  });
}

/** Another account's role (or, with no role, whatever that account's own policies allow: its root). */
function accountStatement(item: TrustItem<'account'>): Input {
  const principal =
    item.id === '*' ? '*' : `arn:aws:iam::${item.id}:${item.role !== undefined ? `role/${item.role}` : 'root'}`;
  // The external id has to be in the policy for STS to compare it; it is kept out of every plan line and finding.
  const condition: { [op: string]: Input } =
    item.externalId !== undefined ? { StringEquals: { 'sts:ExternalId': item.externalId } } : {};
  return statement({ AWS: principal }, 'sts:AssumeRole', condition);
}

/**
 * A device or server with a certificate from the org's trust anchor. Roles Anywhere maps the
 * certificate subject to principal tags (x509Subject/CN, /OU) and sends the anchor as aws:SourceArn.
 */
function rolesAnywhereStatement(item: TrustItem<'rolesAnywhere'>, anchor: string): Input {
  return statement({ Service: ROLES_ANYWHERE }, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], {
    StringEquals: {
      // No CN named: an empty list matches no certificate, where leaving it out would admit every one.
      'aws:PrincipalTag/x509Subject/CN': item.commonName ?? [],
      ...(item.organizationalUnit !== undefined ? { 'aws:PrincipalTag/x509Subject/OU': item.organizationalUnit } : {}),
    },
    ArnEquals: { 'aws:SourceArn': anchor },
  });
}

function webIdentity(
  account: string,
  issuer: string,
  sub: string | string[],
  aud = 'sts.amazonaws.com',
  pattern = false,
): Input {
  const condition: { [op: string]: Input } = pattern
    ? { StringEquals: { [`${issuer}:aud`]: aud }, StringLike: { [`${issuer}:sub`]: sub } }
    : { StringEquals: { [`${issuer}:aud`]: aud, [`${issuer}:sub`]: sub } };
  return statement(
    { Federated: `arn:aws:iam::${account}:oidc-provider/${issuer}` },
    'sts:AssumeRoleWithWebIdentity',
    condition,
  );
}

/** One Allow statement, keys in IAM's usual order; no Condition key when nothing is pinned. */
function statement(
  principal: { [k: string]: string },
  action: string | string[],
  condition: { [op: string]: Input },
): Input {
  return {
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

/** An undeclared issuer (aws/trust-oidc-provider reports it) still compiles, visibly, so the plan shows it. */
function declaredIssuer(providers: { [name: string]: string | undefined }, name: string): string {
  const declared = Object.hasOwn(providers, name) ? providers[name] : undefined;
  return declared !== undefined ? issuerHost(declared) : `unknown-oidc-provider/${name}`;
}

/** IAM's StringLike reads * and ? as wildcards; StringEquals would compare them literally. */
function isPattern(sub: string | string[]): boolean {
  return typeof sub === 'string' && /[*?]/.test(sub);
}

function unique(statements: Input[]): Input[] {
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** IAM names an OIDC provider, and its condition keys, by the issuer URL without `https://`. */
function issuerHost(url: string): string {
  return url
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
}

/**
 * The EKS name of an org.yaml cluster (targets.kubernetes.<c>.eks.name). A cluster without an eks
 * block compiles visibly as `unknown-eks-cluster/<c>`, a name no EKS cluster can have (a `/`), so
 * the role admits no pod until org.yaml declares it.
 */
export function eksClusterName(ctx: TrustContext, cluster: string): string {
  return eksOf(ctx, cluster)?.name ?? `unknown-eks-cluster/${cluster}`;
}

/** The org.yaml eks block of a cluster: where its Pod Identity associations are made (account, region, name). */
export function eksOf(
  ctx: TrustContext,
  cluster: string,
): { account: string; region: string; name: string } | undefined {
  const clusters = ctx.org?.spec.targets?.kubernetes ?? {};
  return Object.hasOwn(clusters, cluster) ? clusters[cluster]?.eks : undefined;
}

/**
 * The ARN of a trust anchor named in targets.aws.<account>.trustAnchors. An undeclared one compiles
 * visibly as `unknown-trust-anchor/<name>`, which no aws:SourceArn equals: the role admits nobody.
 */
export function trustAnchorArn(ctx: TrustContext, account: string, name: string): string {
  const anchors = ctx.org?.spec.targets?.aws?.[account]?.trustAnchors ?? {};
  return (Object.hasOwn(anchors, name) ? anchors[name] : undefined) ?? `unknown-trust-anchor/${name}`;
}

/** Whether EC2 may assume the role (ec2.amazonaws.com): it does so through an instance profile, compiled alongside. */
export function needsInstanceProfile(aws: Aws): boolean {
  return (
    aws.principal === 'role' &&
    trustItems(aws.trust, 'service').some(({ item }) => servicePrincipal(item.principal)?.instanceProfile === true)
  );
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
