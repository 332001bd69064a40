// Does an Allow grant (action pattern, Resource pattern) cover one concrete AWS request (action,
// resource ARN) made by a principal of a given account? IAM's own matching, not string equality
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
//
// - Action: case-insensitive, `*` any run and `?` one character (aws-actions.ts actionCovers).
// - Resource: `*` alone covers every request. Otherwise the pattern and the request ARN are compared
//   field by field: partition, service, region and account each as a case-sensitive glob that stays
//   inside its field, and the resource part (everything after the fifth colon) as one glob in which
//   `*` also spans `/` and `:`. An empty field matches only an empty field or a `*`: S3 bucket ARNs
//   have no region or account, so `arn:aws:s3:::b` never matches a pattern that names an account.
//   AWS documents one exception: a `*` ending the last field a pattern writes expands past colons,
//   so `arn:aws:s3:*` (five fields short) covers every S3 ARN.
// - The manifest format has no Deny, NotAction or NotResource (schema/machine-identity.schema.json). A
//   grant may carry conditions: awsRequestAllowed ANDs coverage with aws-condition-eval.ts conditionsAllow
//   over a request context; awsGrantCovers alone answers "can this grant ever apply", which is what
//   who-can shows (with the conditions printed beside the match).
//
// The principal's account: an identity policy alone decides requests on resources of its own account
// and on resources whose ARN names no account (S3 objects and buckets, `aws`-owned managed policies).
// A resource of another account also needs that account's resource policy to let the principal in,
// which idac cannot see. A pattern that names the other account outright states that intent and is
// taken at its word; one that reaches it only through a wildcard (`*`, `arn:aws:sqs:*:*:q`) is not.

import { actionCovers } from './aws-actions.js';
import { conditionsAllow, type RequestContext } from './aws-condition-eval.js';
import type { AwsConditions } from './aws-conditions.js';
import { globCovers, splitArn } from './arn.js';

/** The account fields that belong to no customer account. */
const ACCOUNTLESS = new Set(['', 'aws']);

/**
 * Whether the Resource pattern `pattern` covers the concrete `request` (an ARN, or `*` for actions that take no
 * resource), text only.
 */
export function resourceCovers(pattern: string, request: string): boolean {
  if (pattern === '*') return true;
  const p = pattern.split(':');
  const r = request.split(':');
  if (p[0] !== 'arn' || r[0] !== 'arn' || r.length < 6) return false;
  if (p.length < 6) {
    // Fewer fields than an ARN has: only a trailing `*` makes it a pattern (it swallows the rest).
    const last = p.length - 1;
    if (!p[last]!.endsWith('*')) return false;
    return p.slice(1, last).every((f, i) => globCovers(f, r[i + 1]!)) && globCovers(p[last]!, r.slice(last).join(':'));
  }
  const pa = splitArn(pattern)!;
  const ra = splitArn(request)!;
  return (
    globCovers(pa.partition, ra.partition) &&
    globCovers(pa.service, ra.service) &&
    globCovers(pa.region, ra.region) &&
    globCovers(pa.account, ra.account) &&
    globCovers(pa.resource, ra.resource)
  );
}

/**
 * Whether a grant of a principal in `account` covers the request, account rules included. The
 * request resource is a concrete ARN or `*` (what IAM checks for actions that take no resource).
 */
export function awsGrantCovers(
  grant: { action: string; resource: string },
  request: { action: string; resource: string },
  account: string,
): boolean {
  if (!actionCovers(grant.action, request.action) || !resourceCovers(grant.resource, request.resource)) return false;
  const owner = request.resource === '*' ? '' : (splitArn(request.resource)?.account ?? '');
  if (ACCOUNTLESS.has(owner) || owner === account) return true;
  return splitArn(grant.resource)?.account === owner;
}

/**
 * Whether some grant allows the request in the given context: it covers the request (awsGrantCovers) and its
 * conditions hold (aws-condition-eval.ts). Grants are typed by shape so both AwsGrant and a bare statement fit.
 */
export function awsRequestAllowed(
  grants: readonly { action: string; resource: string; conditions?: AwsConditions | null }[],
  request: { action: string; resource: string },
  account: string,
  context: RequestContext,
): boolean {
  return grants.some((g) => awsGrantCovers(g, request, account) && conditionsAllow(g.conditions ?? null, context));
}
