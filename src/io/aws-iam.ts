// The live AWS account through the official SDK (@aws-sdk/client-iam, loaded only when --live asks,
// since start-up time is benched): the default credential chain, read-only calls, every page, and
// throttling retried by the SDK's adaptive retry mode. What comes back is put in the shape the AWS CLI
// prints (dates as ISO text, policy documents decoded), so the estate reader parses the live read and
// an export file the same way, and exportText() writes the export file the CLI would.
//
// Calls (all read-only): iam:GetAccountAuthorizationDetails, iam:ListRoles (MaxSessionDuration, which
// the details lack), iam:ListAccessKeys, iam:GetAccessKeyLastUsed.

import { fail, ok, type Result } from '../common/result.js';

/** A GetAccountAuthorizationDetails page as the AWS CLI prints it. */
export type AwsPage = Record<string, unknown>;

/** An access key as ListAccessKeys gives it, the id masked here so the full id never leaves io. */
export interface LiveAccessKey {
  UserName: string;
  AccessKeyId: string;
  Status: string;
  CreateDate?: string;
  LastUsedDate?: string;
}

const MAX_ATTEMPTS = 10;

/**
 * The live AWS account: `pages` are GetAccountAuthorizationDetails responses in the shape the AWS CLI
 * prints them; `accessKeys` are ListAccessKeys results with the key id already masked.
 */
export async function fetchAwsEstate(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Result<{ pages: AwsPage[]; accessKeys: LiveAccessKey[] }>> {
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_IAM) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  try {
    const sdk = await import('@aws-sdk/client-iam');
    const keyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
    const secret = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
    const client = new sdk.IAMClient({
      region: nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? 'us-east-1',
      // AWS_MAX_ATTEMPTS is the SDK's own setting; adaptive mode also slows down when IAM throttles.
      maxAttempts: Number(env.AWS_MAX_ATTEMPTS) > 0 ? Number(env.AWS_MAX_ATTEMPTS) : MAX_ATTEMPTS,
      retryMode: 'adaptive',
      ...(endpoint !== undefined ? { endpoint } : {}),
      // Credentials given in `env` are used as they are; otherwise the SDK's default chain finds them.
      ...(keyId !== undefined && secret !== undefined
        ? {
            credentials: { accessKeyId: keyId, secretAccessKey: secret, sessionToken: nonEmpty(env.AWS_SESSION_TOKEN) },
          }
        : {}),
    });
    try {
      const pages: AwsPage[] = [];
      for await (const page of sdk.paginateGetAccountAuthorizationDetails({ client }, {}))
        pages.push(cliShape(page) as AwsPage);
      const sessions = new Map<string, number>();
      for await (const page of sdk.paginateListRoles({ client }, {}))
        for (const r of page.Roles ?? [])
          if (r.RoleName !== undefined && r.MaxSessionDuration !== undefined)
            sessions.set(r.RoleName, r.MaxSessionDuration);
      for (const page of pages)
        for (const role of (page.RoleDetailList ?? []) as { RoleName?: string; MaxSessionDuration?: number }[]) {
          const s = role.RoleName !== undefined ? sessions.get(role.RoleName) : undefined;
          if (s !== undefined) role.MaxSessionDuration = s;
        }
      const users = pages.flatMap((p) => (p.UserDetailList ?? []) as { UserName: string }[]).map((u) => u.UserName);
      const accessKeys: LiveAccessKey[] = [];
      for (const UserName of users)
        for await (const page of sdk.paginateListAccessKeys({ client }, { UserName }))
          for (const k of page.AccessKeyMetadata ?? []) {
            if (k.AccessKeyId === undefined) continue;
            const used = await lastUsed(sdk, client, k.AccessKeyId);
            accessKeys.push({
              UserName,
              AccessKeyId: maskKeyId(k.AccessKeyId),
              Status: k.Status ?? 'Active',
              ...(k.CreateDate !== undefined ? { CreateDate: k.CreateDate.toISOString() } : {}),
              ...(used !== undefined ? { LastUsedDate: used } : {}),
            });
          }
      return ok({ pages, accessKeys });
    } finally {
      client.destroy();
    }
  } catch (e) {
    return fail(describe(e, endpoint));
  }
}

type Sdk = typeof import('@aws-sdk/client-iam');

/** When a key was last used; an account that may not ask (or a key never used) gives nothing, not a failure. */
async function lastUsed(sdk: Sdk, client: InstanceType<Sdk['IAMClient']>, id: string): Promise<string | undefined> {
  try {
    const out = await client.send(new sdk.GetAccessKeyLastUsedCommand({ AccessKeyId: id }));
    return out.AccessKeyLastUsed?.LastUsedDate?.toISOString();
  } catch {
    return undefined;
  }
}

/** An access key id as AWS consoles show it: its first and last four characters. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? '…' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

const DOCUMENTS = new Set(['AssumeRolePolicyDocument', 'PolicyDocument', 'Document']);

/** An SDK response as the CLI prints it: no $metadata or marker, dates as ISO text, policy documents decoded. */
function cliShape(v: unknown, key = ''): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && DOCUMENTS.has(key)) {
    try {
      return JSON.parse(decodeURIComponent(v)) as unknown;
    } catch {
      return v;
    }
  }
  if (Array.isArray(v)) return v.map((x) => cliShape(x));
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    if (!['$metadata', 'Marker', 'IsTruncated'].includes(k) && x !== undefined) out[k] = cliShape(x, k);
  return out;
}

/** The export file the CLI writes: what `aws iam get-account-authorization-details` prints, page after page. */
export function exportText(pages: readonly AwsPage[]): string {
  return pages.map((p) => `${JSON.stringify(p, null, 4)}\n`).join('');
}

/** A failed read in words, naming the endpoint but never a credential. */
function describe(e: unknown, endpoint: string | undefined): string {
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const name = err.name ?? '';
  const where = endpoint !== undefined ? ` at ${endpoint}` : '';
  if (name === 'CredentialsProviderError')
    return (
      'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ' +
      'or run where an instance or web-identity role applies'
    );
  if (/AccessDenied|UnauthorizedOperation/.test(name))
    return (
      `AWS refused the read-only IAM call${where} (${name}): ` +
      `grant the actions docs/import.md lists (${oneLine(err.message)})`
    );
  if (/InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken/.test(name))
    return `AWS did not accept the credentials${where} (${name}): they are wrong or expired`;
  const code = err.code ?? err.cause?.code;
  if (code !== undefined && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.test(code))
    return `could not reach AWS IAM${where} (${code})`;
  return `reading AWS IAM${where} failed: ${name !== '' ? `${name}: ` : ''}${oneLine(err.message)}`;
}

function oneLine(text: string | undefined): string {
  return (text ?? 'no message').replace(/\s+/g, ' ').trim();
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
