// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../../../common/result.js';
import type { Estate, EstateContext } from '../types.js';

/** `aws iam get-account-authorization-details` output (one page or pages concatenated) → the estate. */
export function parseAwsExport(_text: string, _ctx: EstateContext): Result<Estate> {
  return fail('reading an AWS export is not built yet');
}
