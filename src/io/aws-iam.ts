// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../common/result.js';

/**
 * The live AWS account through the SDK's default credential chain: read-only, paginated, retried.
 * `pages` are GetAccountAuthorizationDetails responses in the shape the AWS CLI prints them (so the
 * estate reader parses live and exported input the same way); `accessKeys` are ListAccessKeys
 * results with the key id already masked.
 */
export async function fetchAwsEstate(
  _env: NodeJS.ProcessEnv = process.env,
): Promise<Result<{ pages: unknown[]; accessKeys: unknown[] }>> {
  return fail('reading AWS live is not built yet');
}
