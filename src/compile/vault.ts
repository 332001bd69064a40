// Vault: one ACL policy with exactly the declared paths (and the issue endpoints of the identity's
// PKI roles), the auth role that hands it out (Kubernetes auth bound to the service account, a JWT
// role bound to a CI token's audience and claims, AWS iam auth bound to the identity's own role, cert
// auth admitting its certificate names, or an AppRole with one secret-id per live credential
// generation), and a PKI role per certificate mount.

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import { parseDuration } from '../common/time.js';
import { awsPrincipal } from '../access/aws-principal.js';
import { trustItems } from '../access/trust.js';
import { adopting, importedFrom } from './adopt.js';
import { activeElevations, byName, resourceOf, statusOf } from './common.js';
import { deliveryResources } from './delivery.js';
import { serviceAccountName } from './kubernetes.js';
import { generations } from './rotation.js';
import { outputOf, type CompileContext, type DesiredResource } from './types.js';

type VaultAccess = NonNullable<MachineIdentity['spec']['access']['vault']>;
type VaultPaths = NonNullable<VaultAccess['paths']>;
type Certificate = NonNullable<VaultAccess['certificates']>[number];

const POLICY = 'vault:index/policy:Policy';
const KUBERNETES_ROLE = 'vault:kubernetes/authBackendRole:AuthBackendRole';
const APPROLE_ROLE = 'vault:appRole/authBackendRole:AuthBackendRole';
const APPROLE_SECRET_ID = 'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId';
const PKI_ROLE = 'vault:pkiSecret/secretBackendRole:SecretBackendRole';
const JWT_ROLE = 'vault:jwt/authBackendRole:AuthBackendRole';
const AWS_ROLE = 'vault:aws/authBackendRole:AuthBackendRole';
const CERT_ROLE = 'vault:index/certAuthBackendRole:CertAuthBackendRole';

/** Tokens live an hour: a workload logs in again with its (federated or rotated) credential. */
const TOKEN_TTL = 3600;

type NoDefault = { tokenNoDefaultPolicy?: boolean };

/** What every auth role hands out on login: the identity's policies, for an hour. */
interface TokenInputs extends NoDefault {
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
}

export function compileVault(data: MachineIdentity, ctx: CompileContext): DesiredResource[] {
  const vault = data.spec.access.vault;
  const status = statusOf(data);
  if (!vault || status === 'decommissioned') return [];
  const name = data.metadata.name;
  const out: DesiredResource[] = [];
  const policies: string[] = [];

  const pki = certificatesByMount(vault.certificates ?? []);
  const text = policyText(
    vault.paths ?? [],
    [...pki.keys()].map((mount) => `${mount}/issue/${name}`),
  );
  if (text !== '') {
    out.push(resourceOf(data, POLICY, ['vault', 'policy'], 'vault', { name: `idac-${name}`, policy: text }));
    policies.push(`idac-${name}`);
  }
  for (const { key, elevation } of activeElevations(data, ctx.now)) {
    const paths = elevation.access.vault?.paths ?? [];
    if (paths.length === 0) continue;
    out.push(
      resourceOf(data, POLICY, ['vault', key, 'policy'], 'vault', {
        name: `idac-${name}-${key}`,
        policy: policyText(paths, []),
      }),
    );
    policies.push(`idac-${name}-${key}`);
  }
  // Suspension keeps the auth role (and an AppRole's secret-ids) but takes every policy off it:
  // a login still works and yields a token that can do nothing, and resuming needs no new secret.
  const tokenPolicies = status === 'active' ? [...policies].sort() : [];
  // Vault adds its `default` policy to every login unless told not to; a suspended identity gets none.
  const noDefault: NoDefault = status === 'active' ? {} : { tokenNoDefaultPolicy: true };

  const token: TokenInputs = { tokenPolicies, ...noDefault, tokenTtl: TOKEN_TTL, tokenMaxTtl: TOKEN_TTL };
  switch (vault.auth) {
    case 'kubernetes': {
      // Without spec.access.kubernetes there is no service account to bind to; binding to a guessed
      // one (the name in `default`) would hand the policy to whoever creates it there. The role is
      // left out: no login works until the manifest names the service account's cluster and namespace.
      const k8s = data.spec.access.kubernetes;
      if (k8s) {
        const backend = kubernetesAuthMount(ctx.org, k8s.cluster);
        out.push(
          adoptedRole(
            data,
            backend,
            resourceOf(data, KUBERNETES_ROLE, ['vault', 'auth-role'], 'vault', {
              backend,
              roleName: authRoleName(data),
              boundServiceAccountNames: [serviceAccountName(data)],
              boundServiceAccountNamespaces: [k8s.namespace],
              ...token,
            }),
          ),
        );
      }
      break;
    }
    case 'jwt':
      out.push(...jwtRole(data, token));
      break;
    case 'aws':
      out.push(...awsRole(data, token));
      break;
    case 'cert':
      out.push(...certRole(data, ctx, token));
      break;
    case 'approle':
      out.push(...appRole(data, ctx, tokenPolicies, noDefault));
      break;
  }

  for (const [mount, certificate] of pki) {
    const ttl = String(Math.floor((parseDuration(certificate.ttl) ?? 0) / 1000));
    out.push(
      resourceOf(data, PKI_ROLE, ['vault', 'pki', mountPart(mount)], 'vault', {
        backend: mount,
        name,
        allowedDomains: certificate.commonNames,
        // Exactly the declared names: no subdomains, globs, wildcards, IP SANs or free names.
        allowBareDomains: true,
        allowSubdomains: false,
        allowGlobDomains: false,
        allowWildcardCertificates: false,
        allowAnyName: false,
        enforceHostnames: true,
        allowIpSans: false,
        serverFlag: true,
        clientFlag: true,
        ttl,
        maxTtl: ttl,
        ...rolesAnywhereUnit(data, certificate.commonNames),
      }),
    );
  }
  return out.sort(byName);
}

/**
 * A JWT role: the token's `aud` must be the audience and every declared claim must match. A list is
 * one comma-joined value, which the provider splits back into a list (Vault then admits any of its
 * values); `glob` matching only when a value asks for it (Vault has one match type per role, so
 * then every value of the role is a pattern).
 * Without the jwt block there is nothing to bind to: no role (a rule says so).
 */
function jwtRole(data: MachineIdentity, token: TokenInputs): DesiredResource[] {
  const jwt = data.spec.access.vault?.jwt;
  if (!jwt) return [];
  const claims = Object.entries(jwt.claims ?? {})
    .filter((e): e is [string, string | string[]] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const values = claims.flatMap(([, v]) => (Array.isArray(v) ? v : [v]));
  return [
    adoptedRole(
      data,
      jwt.mount,
      resourceOf(data, JWT_ROLE, ['vault', 'auth-role'], 'vault', {
        backend: jwt.mount,
        roleName: authRoleName(data),
        roleType: 'jwt',
        boundAudiences: [jwt.audience],
        ...(claims.length > 0
          ? {
              boundClaims: Object.fromEntries(claims.map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
              boundClaimsType: values.some((v) => /[*?]/.test(v)) ? 'glob' : 'string',
              // A value with its own comma would be split into several, each admitted: the role would
              // be broader than declared. Parsing off keeps every value whole; a list next to it then
              // stays one literal string that no token matches, so it fails closed.
              ...(values.some((v) => v.includes(',')) ? { disableBoundClaimsParsing: true } : {}),
            }
          : {}),
        userClaim: jwt.userClaim ?? 'sub',
        ...token,
      }),
    ),
  ];
}

/**
 * AWS iam auth bound to the identity's own role (the ARN compile gives it in aws.ts, see
 * aws-principal.ts). Only a role can log in this way; an IAM user, or no AWS access at all, binds nothing.
 */
function awsRole(data: MachineIdentity, token: TokenInputs): DesiredResource[] {
  const mount = data.spec.access.vault?.aws?.mount;
  const aws = data.spec.access.aws;
  if (mount === undefined || !aws || aws.principal !== 'role') return [];
  return [
    adoptedRole(
      data,
      mount,
      resourceOf(data, AWS_ROLE, ['vault', 'auth-role'], 'vault', {
        backend: mount,
        role: authRoleName(data),
        authType: 'iam',
        boundIamPrincipalArns: [awsPrincipal(data)!.arn],
        ...token,
      }),
    ),
  ];
}

/**
 * Cert auth: a client certificate signed by the org's CA with one of the identity's certificate
 * names. Without a name the role would admit every certificate the CA ever signed, so none is made.
 * The CA's PEM comes from the edge (ctx.certificateAuthorities); when it is not known the input
 * says so visibly, and Vault refuses it rather than trusting something else.
 */
function certRole(data: MachineIdentity, ctx: CompileContext, token: TokenInputs): DesiredResource[] {
  const vault = data.spec.access.vault;
  const cert = vault?.cert;
  const names = [...new Set((vault?.certificates ?? []).flatMap((c) => c.commonNames))].sort();
  if (!cert || names.length === 0) return [];
  return [
    resourceOf(data, CERT_ROLE, ['vault', 'auth-role'], 'vault', {
      backend: cert.mount,
      name: authRoleName(data),
      certificate: ctx.certificateAuthorities?.get(cert.ca) ?? unknownCertificateAuthority(cert.ca),
      allowedCommonNames: names,
      ...token,
    }),
  ];
}

/**
 * The auth role's name: the identity's, or for one imported from Vault the live role's
 * (importedFrom.name), which workloads already log in with. A Vault write is an upsert: writing the
 * role replaces the live one in place, settings and token policies together, and never makes a second.
 */
export function authRoleName(data: MachineIdentity): string {
  return importedFrom(data, 'vault')?.name ?? data.metadata.name;
}

/**
 * `role`, adopting the imported live role when it is this very one: the provider's import id
 * `auth/<mount>/role/<name>` is the cloud id importedFrom records (`vault:auth/<mount>/role/<name>`).
 * Adopting (rather than letting the upsert overwrite it unseen) puts the role in Pulumi's state before
 * it changes, so the plan shows it as taken over and a later removal deletes it like any other.
 */
function adoptedRole<R extends DesiredResource>(data: MachineIdentity, mount: string, role: R): R {
  const from = importedFrom(data, 'vault');
  const id = `auth/${mount}/role/${authRoleName(data)}`;
  return adopting(role, from?.id === `vault:${id}` ? id : undefined);
}

/** The certificate input when the CA's PEM is not known at compile time: visibly not a certificate. */
export function unknownCertificateAuthority(name: string): string {
  return `unknown-certificate-authority/${name}`;
}

/**
 * org.yaml targets.kubernetes.<cluster>.vaultAuthMount: the auth method that trusts the cluster's
 * tokens. Exported for drift, which looks for the role where compile puts it.
 */
export function kubernetesAuthMount(org: Pick<Organization, 'spec'> | null, cluster: string): string {
  const clusters = org?.spec.targets?.kubernetes ?? {};
  return (Object.hasOwn(clusters, cluster) ? clusters[cluster]?.vaultAuthMount : undefined) ?? 'kubernetes';
}

/** org.yaml targets.vault.approleMount: where every AppRole lives (drift looks for it there too). */
export function approleMount(org: Pick<Organization, 'spec'> | null): string {
  return org?.spec.targets?.vault?.approleMount ?? 'approle';
}

/**
 * The AppRole, one secret-id per live generation (the previous one stays through the overlap, so
 * consumers pick up the new one before the old one is deleted), and the delivery of the newest.
 */
function appRole(
  data: MachineIdentity,
  ctx: CompileContext,
  tokenPolicies: string[],
  noDefault: NoDefault,
): DesiredResource[] {
  const backend = approleMount(ctx.org);
  const role = adoptedRole(
    data,
    backend,
    resourceOf(data, APPROLE_ROLE, ['vault', 'approle-role'], 'vault', {
      backend,
      roleName: authRoleName(data),
      tokenPolicies,
      ...noDefault,
      tokenTtl: TOKEN_TTL,
      tokenMaxTtl: TOKEN_TTL,
      ...secretIdTtl(data),
      secretIdNumUses: 0,
    }),
  );
  const gens = generations(data, ctx.now);
  const secretIds = gens.live.map((g) =>
    resourceOf(
      data,
      APPROLE_SECRET_ID,
      ['vault', 'secret-id', `g${g}`],
      'vault',
      { backend, roleName: outputOf(role, 'roleName') },
      { secretOutputs: ['secretId', 'wrappingToken'] },
    ),
  );
  const newest = secretIds[gens.live.indexOf(gens.current)]!;
  return [
    role,
    ...secretIds,
    ...deliveryResources(data, ctx, {
      VAULT_ROLE_ID: outputOf(role, 'roleId'),
      VAULT_SECRET_ID: outputOf(newest, 'secretId'),
    }),
  ];
}

/**
 * A secret-id must outlive its generation by the overlap and no more: period + overlap (overlap
 * capped at the period, as in rotation.ts). Without a usable rotation period the field is left out
 * rather than guessed; validate requires rotation for AppRole (a static credential).
 */
function secretIdTtl(data: MachineIdentity): { secretIdTtl?: number } {
  const rotation = data.spec.rotation;
  const period = rotation ? parseDuration(rotation.period) : null;
  if (period === null || period <= 0) return {};
  const overlap = rotation?.overlap === undefined ? 0 : (parseDuration(rotation.overlap) ?? 0);
  return { secretIdTtl: Math.floor((period + Math.min(overlap, period)) / 1000) };
}

/**
 * One PKI role per mount, because Vault keys the role by (mount, name) and the name is the identity
 * (the effective-access model grants `<mount>/issue/<identity>`). Several entries for one mount
 * merge: their names in declared order, and the shortest ttl, so no certificate outlives any ttl
 * declared for its mount.
 */
function certificatesByMount(
  certificates: readonly Certificate[],
): Map<string, { commonNames: string[]; ttl: string }> {
  const out = new Map<string, { commonNames: string[]; ttl: string }>();
  for (const c of certificates) {
    const seen = out.get(c.mount);
    if (!seen) {
      out.set(c.mount, { commonNames: [...new Set(c.commonNames)], ttl: c.ttl });
      continue;
    }
    for (const n of c.commonNames) if (!seen.commonNames.includes(n)) seen.commonNames.push(n);
    if ((parseDuration(c.ttl) ?? 0) < (parseDuration(seen.ttl) ?? 0)) seen.ttl = c.ttl;
  }
  return out;
}

/**
 * A mount path as one logical-name part. Mounts are `[A-Za-z0-9_-]` segments joined by `/`; `/`
 * becomes `.`, which no segment contains, so distinct mounts keep distinct names (`_` would
 * conflate `a/b` with `a_b`).
 */
export function mountPart(mount: string): string {
  return mount.split('/').join('.');
}

/**
 * Vault ACL policy text (HCL), one block per declared path in declared order, then one `update`
 * block per issue endpoint. Empty when there is nothing to grant.
 */
export function policyText(paths: VaultPaths, issue: readonly string[]): string {
  const blocks = [...paths.map((p) => block(p.path, p.capabilities)), ...issue.map((path) => block(path, ['update']))];
  return blocks.join('\n');
}

function block(path: string, capabilities: readonly string[]): string {
  return `path ${hclString(path)} {\n  capabilities = [${capabilities.map(hclString).join(', ')}]\n}\n`;
}

/**
 * A quoted HCL string that reads back as exactly `text`. The schema's path pattern already rules
 * out quotes, backslashes, `$` and whitespace; this holds even if it did not: `"` and `\` are
 * escaped, and `$`, `%` (which open `${`/`%{` templates) and every control or non-ASCII character
 * are written as \u escapes, which HCL 1 (Vault's policy parser) and HCL 2 both decode.
 */
export function hclString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '$' || ch === '%' || code < 0x20 || code >= 0x7f) out += unicodeEscape(code);
    else out += ch;
  }
  return `${out}"`;
}

function unicodeEscape(code: number): string {
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * The organizational unit a Roles Anywhere trust of the identity pins for one of these names: the
 * certificates this PKI role issues must carry it, or the role would refuse the very certificate idac
 * hands out. Set only when exactly one OU is pinned for these names (a subject with several OUs is
 * not what any single trust entry asks for).
 */
function rolesAnywhereUnit(data: MachineIdentity, names: readonly string[]): { organizationUnit?: string[] } {
  const aws = data.spec.access.aws;
  if (aws?.principal !== 'role') return {};
  const units = new Set(
    trustItems(aws.trust, 'rolesAnywhere').flatMap(({ item }) =>
      item.organizationalUnit !== undefined && item.commonName !== undefined && names.includes(item.commonName)
        ? [item.organizationalUnit]
        : [],
    ),
  );
  return units.size === 1 ? { organizationUnit: [...units] } : {};
}
