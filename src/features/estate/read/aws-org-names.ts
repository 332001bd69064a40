// The org.yaml names a trust refers to (an OIDC provider, a Roles Anywhere trust anchor, an EKS
// cluster, a partner account). A name org.yaml already declares for the same issuer, anchor or
// cluster is reused; otherwise one is derived from the host, ARN or cluster name, the same every time,
// and recorded as an org.yaml addition so the imported manifest compiles back to the live trust.

import type { Organization } from '../../../manifest/organization.generated.js';
import type { OrgAdditions } from '../types.js';

type Targets = NonNullable<Organization['spec']['targets']>;

export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/** What the names are looked up in and added to, for one account. */
export interface NameScope {
  org: Organization | null;
  account: string;
  additions: OrgAdditions;
}

/** IAM names a provider, and its condition keys, by the issuer URL without `https://`. */
export function issuerHost(url: string): string {
  return url
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
}

function accountTarget(scope: NameScope): NonNullable<Targets['aws']>[string] | undefined {
  const targets = scope.org?.spec.targets?.aws ?? {};
  return Object.hasOwn(targets, scope.account) ? targets[scope.account] : undefined;
}

type AccountAdditions = { oidcProviders?: Record<string, string>; trustAnchors?: Record<string, string> };

/** The additions so far for the account (read only: record() adds). */
function addedFor(scope: NameScope): AccountAdditions {
  return scope.additions.aws?.[scope.account] ?? {};
}

function record(scope: NameScope, field: keyof AccountAdditions, name: string, value: string): void {
  const aws = (scope.additions.aws ??= {});
  const account = (aws[scope.account] ??= {});
  (account[field] ??= {})[name] = value;
}

/** The first key (sorted) whose value is `wanted`, in org.yaml then in the additions so far. */
function lookup(
  declared: Readonly<Record<string, string | undefined>>,
  added: Readonly<Record<string, string>>,
  wanted: string,
  same: (a: string, b: string) => boolean,
): string | undefined {
  for (const map of [declared, added])
    for (const key of Object.keys(map).sort()) if (map[key] !== undefined && same(map[key], wanted)) return key;
  return undefined;
}

/** `base`, or `base-2`, `base-3`… the first not taken in org.yaml or the additions by something else. */
function freeName(base: string, taken: (name: string) => boolean): string {
  const stem = base.slice(0, 60).replace(/-+$/, '') || 'x';
  if (!taken(stem)) return stem;
  for (let i = 2; ; i++) if (!taken(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** A DNS-label-like name (lower case, digits, `-`) from free text. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Deterministic name for an issuer host: github, eks-<region>-<first 8 of the id>, else the host as a slug. */
function derivedProviderName(host: string): string {
  if (host === GITHUB_ISSUER) return 'github';
  const eks = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com\/id\/([A-Za-z0-9]+)$/.exec(host);
  if (eks) return `eks-${eks[1]}-${eks[2]!.slice(0, 8).toLowerCase()}`;
  return slug(host);
}

/** The oidcProviders key of an issuer host, declared or added. */
export function oidcProviderName(scope: NameScope, host: string): string {
  const declared = accountTarget(scope)?.oidcProviders ?? {};
  const added = addedFor(scope);
  const same = (a: string, b: string): boolean => issuerHost(a) === b;
  const found = lookup(declared, added.oidcProviders ?? {}, host, same);
  if (found !== undefined) return found;
  const name = freeName(
    derivedProviderName(host),
    (n) => Object.hasOwn(declared, n) || Object.hasOwn(added.oidcProviders ?? {}, n),
  );
  record(scope, 'oidcProviders', name, host);
  return name;
}

/** The trustAnchors key of a trust anchor ARN, declared or added (derived: anchor-<first 8 of its id>). */
export function trustAnchorName(scope: NameScope, arn: string): string {
  const declared = accountTarget(scope)?.trustAnchors ?? {};
  const added = addedFor(scope);
  const found = lookup(declared, added.trustAnchors ?? {}, arn, (a, b) => a === b);
  if (found !== undefined) return found;
  const id = /trust-anchor\/([A-Za-z0-9-]+)$/.exec(arn)?.[1] ?? arn;
  const name = freeName(
    `anchor-${slug(id).slice(0, 8)}`,
    (n) => Object.hasOwn(declared, n) || Object.hasOwn(added.trustAnchors ?? {}, n),
  );
  record(scope, 'trustAnchors', name, arn);
  return name;
}

/**
 * The targets.kubernetes key of an EKS cluster named in a Pod Identity trust: the cluster whose eks
 * block has that name, else the name itself (as a slug) added as a cluster whose eks block a person
 * must complete (IAM does not say the cluster's region).
 */
export function eksClusterKey(scope: NameScope, eksName: string): string {
  const clusters = scope.org?.spec.targets?.kubernetes ?? {};
  for (const key of Object.keys(clusters).sort()) if (clusters[key]?.eks?.name === eksName) return key;
  const name = slug(eksName).slice(0, 63).replace(/-+$/, '');
  if (!Object.hasOwn(clusters, name)) (scope.additions.kubernetes ??= {})[name] = {};
  return name;
}

/** Records a trusted account org.yaml does not know (its own, the targets and trustedAccounts are known). */
export function noteTrustedAccount(scope: NameScope, id: string): void {
  if (id === '*' || id === scope.account) return;
  const spec = scope.org?.spec;
  if (Object.hasOwn(spec?.targets?.aws ?? {}, id) || Object.hasOwn(spec?.trustedAccounts ?? {}, id)) return;
  (scope.additions.trustedAccounts ??= {})[id] = { name: id };
}
