// Who can become an identity: every principal its AWS role trusts and every login its Vault auth
// role admits, as one normalised list. Plan (access gained and lost with target `assume`), who-can
// --assume, the trust rules and the report all read this one model, as they read model.ts for
// what an identity can do. Pure: it reads the manifest only (org.yaml resolves issuers and anchors
// at compile time; a principal here is what the manifest names).

import type { Path } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';

type Access = MachineIdentity['spec']['access'];
type AwsTrust = NonNullable<NonNullable<Access['aws']>['trust']>;
type VaultAccess = NonNullable<Access['vault']>;

/** One entry of a trust kind that takes one object or a list (SPEC §2): each with where it is written. */
export type TrustItem<K extends keyof AwsTrust> = Exclude<NonNullable<AwsTrust[K]>, unknown[]>;

export type AwsTrustKind =
  'kubernetes' | 'github' | 'service' | 'eksPodIdentity' | 'account' | 'oidc' | 'rolesAnywhere';
export type VaultAuthKind = VaultAccess['auth'];

export type TrustEntry =
  | {
      target: 'aws';
      kind: AwsTrustKind;
      /** One line naming who: `oidc gitlab project_path:acme/ledger:ref:main`. Never a secret (no external id). */
      principal: string;
      /** Where it is written: the trust entry (or its pinned field). */
      path: Path;
    }
  | { target: 'vault'; kind: VaultAuthKind; principal: string; path: Path };

/** The entries of a trust kind, one object or a list, each with its data path. */
export function trustItems<K extends keyof AwsTrust>(
  trust: AwsTrust | undefined,
  kind: K,
  at: Path = ['spec', 'access', 'aws', 'trust'],
): { item: TrustItem<K>; path: Path }[] {
  const v = trust?.[kind];
  if (v === undefined) return [];
  if (Array.isArray(v)) return (v as TrustItem<K>[]).map((item, i) => ({ item, path: [...at, kind, i] }));
  return [{ item: v as TrustItem<K>, path: [...at, kind] }];
}

/** GitHub's OIDC subjects the trust pins, in the order compile writes them (none: the role admits no workflow). */
export function githubSubjects(gh: TrustItem<'github'>): string[] {
  return [
    ...(gh.environment !== undefined ? [`repo:${gh.repository}:environment:${gh.environment}`] : []),
    ...(gh.ref !== undefined ? [`repo:${gh.repository}:ref:${gh.ref}`] : []),
    ...(gh.pullRequest === true ? [`repo:${gh.repository}:pull_request`] : []),
  ];
}

/**
 * Every principal that can become the identity. Empty for a decommissioned identity, whose role and
 * auth role are gone, and for a suspended one: its role stays (so resuming keeps the ARN) but holds
 * nothing, as model.ts's grants are empty then.
 */
export function trustsOf(data: MachineIdentity): TrustEntry[] {
  if ((data.spec.status ?? 'active') !== 'active') return [];
  const out: TrustEntry[] = [];
  const aws = data.spec.access.aws;
  if (aws && aws.principal === 'role') {
    const t = aws.trust;
    for (const { item, path } of trustItems(t, 'kubernetes'))
      out.push({
        target: 'aws',
        kind: 'kubernetes',
        principal: `kubernetes service account ${item.cluster}/${item.namespace}/${item.serviceAccount}`,
        path,
      });
    for (const { item, path } of trustItems(t, 'github'))
      for (const subject of githubSubjects(item))
        out.push({ target: 'aws', kind: 'github', principal: `github ${subject}`, path });
    for (const { item, path } of trustItems(t, 'service'))
      out.push({
        target: 'aws',
        kind: 'service',
        principal: `service ${item.principal}${item.sourceArn !== undefined ? ` for ${item.sourceArn}` : ''}`,
        path,
      });
    for (const { item, path } of trustItems(t, 'eksPodIdentity'))
      out.push({
        target: 'aws',
        kind: 'eksPodIdentity',
        principal: `eks pod identity ${item.cluster}/${item.namespace}/${item.serviceAccount}`,
        path,
      });
    for (const { item, path } of trustItems(t, 'account'))
      out.push({
        target: 'aws',
        kind: 'account',
        principal:
          `account ${item.id} ${item.role !== undefined ? `role ${item.role}` : '(any principal it allows)'}` +
          (item.externalId !== undefined ? ' with external id' : ''),
        path,
      });
    // Without a subject or a certificate name compile pins an empty list, which admits nobody (as a
    // GitHub trust without a subject does); the rules report the trust, and nobody can become the role.
    for (const { item, path } of trustItems(t, 'oidc'))
      if (item.subject !== undefined)
        out.push({ target: 'aws', kind: 'oidc', principal: `oidc ${item.provider} ${item.subject}`, path });
    for (const { item, path } of trustItems(t, 'rolesAnywhere'))
      if (item.commonName !== undefined)
        out.push({
          target: 'aws',
          kind: 'rolesAnywhere',
          principal:
            `roles anywhere ${item.trustAnchor} CN=${item.commonName}` +
            (item.organizationalUnit !== undefined ? ` OU=${item.organizationalUnit}` : ''),
          path,
        });
  }
  const vault = data.spec.access.vault;
  if (vault) out.push(...vaultLogins(data, vault));
  return out;
}

function vaultLogins(data: MachineIdentity, vault: VaultAccess): TrustEntry[] {
  const at: Path = ['spec', 'access', 'vault'];
  switch (vault.auth) {
    case 'kubernetes': {
      const k8s = data.spec.access.kubernetes;
      // Compile binds no role without the service account's cluster and namespace: nobody logs in.
      if (!k8s) return [];
      const sa = k8s.serviceAccount ?? data.metadata.name;
      return [
        {
          target: 'vault',
          kind: 'kubernetes',
          principal: `vault kubernetes service account ${k8s.cluster}/${k8s.namespace}/${sa}`,
          path: [...at, 'auth'],
        },
      ];
    }
    case 'approle':
      return [{ target: 'vault', kind: 'approle', principal: 'vault approle secret-id', path: [...at, 'auth'] }];
    case 'jwt': {
      const jwt = vault.jwt;
      if (!jwt) return [];
      const claims = Object.entries(jwt.claims ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`);
      return [
        {
          target: 'vault',
          kind: 'jwt',
          principal: `vault jwt ${jwt.mount} ${claims.length > 0 ? claims.join(' ') : '(any token)'}`,
          path: [...at, 'jwt'],
        },
      ];
    }
    case 'aws': {
      const aws = data.spec.access.aws;
      // Only a role can log in through iam auth; without one compile binds nothing.
      if (!vault.aws || !aws || aws.principal !== 'role') return [];
      return [
        {
          target: 'vault',
          kind: 'aws',
          principal: `vault aws ${vault.aws.mount} role ${data.metadata.name} in ${aws.account}`,
          path: [...at, 'aws'],
        },
      ];
    }
    case 'cert': {
      const cert = vault.cert;
      if (!cert) return [];
      const names = [...new Set((vault.certificates ?? []).flatMap((c) => c.commonNames))].sort();
      return names.map((cn) => ({
        target: 'vault' as const,
        kind: 'cert' as const,
        principal: `vault cert ${cert.mount} ${cert.ca} CN=${cn}`,
        path: [...at, 'cert'],
      }));
    }
  }
}

/** The plan's grant line for a trust: `oidc gitlab project_path:acme/ledger:ref:main can become ledger-ci`. */
export function assumeText(entry: TrustEntry, identity: string): string {
  return `${entry.principal} can become ${identity}`;
}
