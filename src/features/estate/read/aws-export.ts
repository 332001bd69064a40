// `aws iam get-account-authorization-details` → the estate of one AWS account. The export file and the
// live read (io/aws-iam.ts gives the same pages) go through estateFromAwsPages, so both read the same.

import { fail, ok, type Result } from '../../../common/result.js';
import type { AccessKeyRecord, Estate, EstateContext } from '../types.js';
import type { AwsPage, LiveAccessKey } from '../../../io/aws-iam.js';
import { mergePages, splitPages, type AuthorizationDetails } from './aws-pages.js';
import { principalsOf } from './aws-principals.js';

/** `aws iam get-account-authorization-details` output (one page or pages concatenated) → the estate. */
export function parseAwsExport(text: string, ctx: EstateContext): Result<Estate> {
  const pages = splitPages(text);
  return pages.ok ? estateFromAwsPages(pages.value, ctx) : pages;
}

/**
 * Pages already parsed (the live read's, or an export's) → the estate; `keys` from ListAccessKeys or a
 * credential report.
 */
export function estateFromAwsPages(
  pages: readonly unknown[],
  ctx: EstateContext,
  keys: readonly AccessKeyRecord[] = [],
): Result<Estate> {
  const details = mergePages(pages);
  if (!details.ok) return details;
  const account = accountOf(details.value);
  if (!account.ok) return account;
  const { identities, additions, warnings } = principalsOf(details.value, ctx.org, account.value);
  return ok({
    target: 'aws',
    scope: account.value,
    identities,
    keys: [...keys].sort((a, b) => (`${a.user} ${a.keyId}` < `${b.user} ${b.keyId}` ? -1 : 1)),
    org: additions,
    warnings,
  });
}

/** What fetchAwsEstate read → the estate, its access keys attached to their users. */
export function estateFromAwsLive(
  live: { pages: readonly AwsPage[]; accessKeys: readonly LiveAccessKey[] },
  ctx: EstateContext,
): Result<Estate> {
  const details = mergePages(live.pages);
  if (!details.ok) return details;
  const arns = new Map(details.value.UserDetailList.map((u) => [u.UserName, u.Arn]));
  const keys = live.accessKeys.map((k): AccessKeyRecord => ({
    user: arns.get(k.UserName) ?? k.UserName,
    userName: k.UserName,
    keyId: k.AccessKeyId,
    status: k.Status === 'Inactive' ? 'Inactive' : 'Active',
    ...(k.CreateDate !== undefined ? { created: k.CreateDate } : {}),
    ...(k.LastUsedDate !== undefined ? { lastUsed: k.LastUsedDate } : {}),
  }));
  return estateFromAwsPages(live.pages, ctx, keys);
}

/** The one account every role, user and customer policy ARN names. */
function accountOf(d: AuthorizationDetails): Result<string> {
  const arns = [...d.RoleDetailList, ...d.UserDetailList, ...d.GroupDetailList].map((p) => p.Arn);
  arns.push(...d.Policies.map((p) => p.Arn));
  const accounts = new Set(arns.flatMap((a) => /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(a)?.[1] ?? []));
  if (accounts.size === 1) return ok([...accounts][0]!);
  if (accounts.size === 0)
    return fail('the AWS export names no role, user, group or customer policy: there is nothing to read');
  return fail(
    `the AWS export mixes accounts ${[...accounts].sort().join(', ')}: export and import one account at a time`,
  );
}
