// The roles and users of an AWS account's authorization details as estate identities: trust (roles),
// every policy the principal holds at its default version (inline, attached customer and AWS-managed,
// and for users those of their groups), what the first apply adopts (path, policy names, groups), the
// tags as labels. Principals AWS or IAM Identity Center own are marked skipped, never imported.

import type { EstateIdentity, NotExpressible, OrgAdditions } from '../types.js';
import type { Organization } from '../../../manifest/organization.generated.js';
import type {
  AuthorizationDetails,
  RawGroup,
  RawInlinePolicy,
  RawManagedPolicy,
  RawPolicyRef,
  RawRole,
  RawUser,
} from './aws-pages.js';
import { readPermissions, type SourcedPolicy } from './aws-permission-reader.js';
import { policyDocument, type Json } from './aws-policy-document.js';
import { notExpressible, sortNotExpressible } from './aws-statement.js';
import { readTrust } from './aws-trust-reader.js';

interface Scope {
  org: Organization | null;
  account: string;
  additions: OrgAdditions;
  /** Managed policies by ARN: the default version's document, or why there is none. */
  policies: ReadonlyMap<string, { version: string; doc: unknown } | string>;
  groups: ReadonlyMap<string, RawGroup>;
  warnings: string[];
}

/** Why a principal is AWS's own, or undefined. */
function skipReason(path: string, name: string): string | undefined {
  if (path.startsWith('/aws-service-role/')) return 'service-linked role: AWS creates and owns it';
  if (path.startsWith('/aws-reserved/sso.amazonaws.com/') || name.startsWith('AWSReservedSSO_'))
    return 'IAM Identity Center (SSO) role: Identity Center creates and owns it';
  return undefined;
}

export function principalsOf(details: AuthorizationDetails, org: Organization | null, account: string) {
  const scope: Scope = {
    org,
    account,
    additions: {},
    policies: managedPolicies(details.Policies),
    groups: new Map(details.GroupDetailList.map((g) => [g.GroupName, g])),
    warnings: [],
  };
  const identities = [
    ...details.RoleDetailList.map((r) => roleIdentity(r, scope)),
    ...details.UserDetailList.map((u) => userIdentity(u, scope)),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { identities, additions: scope.additions, warnings: scope.warnings };
}

function managedPolicies(list: readonly RawManagedPolicy[]): Map<string, { version: string; doc: unknown } | string> {
  const out = new Map<string, { version: string; doc: unknown } | string>();
  for (const p of list) {
    const v = (p.PolicyVersionList ?? []).find((x) => x.IsDefaultVersion || x.VersionId === p.DefaultVersionId);
    out.set(
      p.Arn,
      v !== undefined && v.Document !== undefined
        ? { version: v.VersionId, doc: v.Document }
        : 'the export lists the policy without its default version document',
    );
  }
  return out;
}

function roleIdentity(r: RawRole, scope: Scope): EstateIdentity {
  const base = common(r, r.RoleName, 'role');
  if (base.skip !== undefined) return base;
  const ne: NotExpressible[] = [];
  const nameScope = { org: scope.org, account: scope.account, additions: scope.additions };
  const trustDoc = policyDocument(r.AssumeRolePolicyDocument ?? { Statement: [] }, `role ${r.RoleName}: trust policy`);
  const trust = trustDoc.ok ? readTrust(trustDoc.value, nameScope) : null;
  if (!trustDoc.ok) ne.push(notExpressible('trust policy', null, trustDoc.diagnostics[0]!.summary));
  const held = [...inlines(r.RolePolicyList, ''), ...managed(r.AttachedManagedPolicies, '', scope, ne)];
  const perms = readPermissions(held.flatMap((h) => policyOf(h, `role ${r.RoleName}`, ne)));
  ne.push(...(trust?.notExpressible ?? []), ...perms.notExpressible, ...boundary(r));
  return {
    ...base,
    access: {
      aws: {
        account: scope.account,
        principal: 'role',
        ...(trust?.trust !== undefined ? { trust: trust.trust } : {}),
        permissions: perms.permissions,
      },
    },
    notExpressible: sortNotExpressible(ne),
    origins: [...(trust?.origins ?? []), ...perms.origins],
    live: {
      path: r.Path,
      ...(Number.isInteger(r.MaxSessionDuration) ? { maxSessionDuration: r.MaxSessionDuration } : {}),
      inlinePolicies: sortedNames((r.RolePolicyList ?? []).map((p) => p.PolicyName)),
      managedPolicies: sortedNames((r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn)),
    },
  };
}

function userIdentity(u: RawUser, scope: Scope): EstateIdentity {
  const base = common(u, u.UserName, 'user');
  const ne: NotExpressible[] = [];
  const held = [...inlines(u.UserPolicyList, ''), ...managed(u.AttachedManagedPolicies, '', scope, ne)];
  for (const name of [...(u.GroupList ?? [])].sort()) {
    const g = scope.groups.get(name);
    if (g === undefined) {
      scope.warnings.push(`user ${u.UserName}: its group ${name} is not in the export; its policies are not read`);
      ne.push(
        notExpressible(
          `group ${name}`,
          { GroupName: name },
          'the group is not in the export, so its policies are unknown',
        ),
      );
      continue;
    }
    held.push(
      ...inlines(g.GroupPolicyList, `group ${name}: `),
      ...managed(g.AttachedManagedPolicies, `group ${name}: `, scope, ne),
    );
  }
  const perms = readPermissions(held.flatMap((h) => policyOf(h, `user ${u.UserName}`, ne)));
  ne.push(...perms.notExpressible, ...boundary(u));
  return {
    ...base,
    access: { aws: { account: scope.account, principal: 'user', permissions: perms.permissions } },
    notExpressible: sortNotExpressible(ne),
    origins: perms.origins,
    live: {
      path: u.Path,
      inlinePolicies: sortedNames((u.UserPolicyList ?? []).map((p) => p.PolicyName)),
      managedPolicies: sortedNames((u.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn)),
      groups: sortedNames(u.GroupList ?? []),
    },
  };
}

function common(p: RawRole | RawUser, name: string, kind: 'role' | 'user'): EstateIdentity {
  const skip = kind === 'role' ? skipReason(p.Path, name) : undefined;
  const labels: Record<string, string> = {};
  for (const t of [...(p.Tags ?? [])].sort((a, b) => (a.Key < b.Key ? -1 : 1))) labels[t.Key] = t.Value;
  return {
    target: 'aws',
    id: p.Arn,
    name,
    labels,
    access: {},
    notExpressible: [],
    origins: [],
    ...(p.CreateDate !== undefined ? { created: isoTime(p.CreateDate) } : {}),
    ...(skip !== undefined ? { skip } : {}),
  };
}

function isoTime(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

function sortedNames(names: string[]): string[] {
  return [...new Set(names)].sort();
}

interface Held {
  source: string;
  doc: unknown;
}

function inlines(list: RawInlinePolicy[] | undefined, prefix: string): Held[] {
  return [...(list ?? [])]
    .sort((a, b) => (a.PolicyName < b.PolicyName ? -1 : 1))
    .map((p) => ({ source: `${prefix}inline policy ${p.PolicyName}`, doc: p.PolicyDocument }));
}

function managed(list: RawPolicyRef[] | undefined, prefix: string, scope: Scope, ne: NotExpressible[]): Held[] {
  const out: Held[] = [];
  for (const ref of [...(list ?? [])].sort((a, b) => (a.PolicyArn < b.PolicyArn ? -1 : 1))) {
    const p = scope.policies.get(ref.PolicyArn);
    const source = `${prefix}managed policy ${ref.PolicyArn}`;
    if (p === undefined || typeof p === 'string')
      ne.push(
        notExpressible(
          source,
          { PolicyArn: ref.PolicyArn },
          `${p ?? 'the export does not list this policy (was it made with --filter?)'}: ` +
            'its permissions are unknown, re-export without --filter',
        ),
      );
    else out.push({ source: `${source} (${p.version})`, doc: p.doc });
  }
  return out;
}

/** A document that does not parse is reported as the policy it is (its permissions unknown), not a failed read. */
function policyOf(h: Held, owner: string, ne: NotExpressible[]): SourcedPolicy[] {
  const doc = policyDocument(h.doc, `${owner}: ${h.source}`);
  if (doc.ok) return [{ source: h.source, doc: doc.value }];
  ne.push(notExpressible(h.source, typeof h.doc === 'string' ? h.doc : (h.doc as Json), doc.diagnostics[0]!.summary));
  return [];
}

/** A permissions boundary caps what the policies grant; without it the manifest would grant more. */
function boundary(p: RawRole | RawUser): NotExpressible[] {
  const b = p.PermissionsBoundary;
  if (b === undefined) return [];
  return [
    notExpressible(
      `permissions boundary ${b.PermissionsBoundaryArn}`,
      b,
      'a permissions boundary caps the grants above and has no manifest field: the manifest would grant ' +
        'what the boundary refuses; fold its limits into the permissions, then remove it',
    ),
  ];
}
