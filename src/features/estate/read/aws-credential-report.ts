// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../../../common/result.js';
import type { AccessKeyRecord } from '../types.js';

/** The IAM credential report (CSV) → the access keys it lists. */
export function parseCredentialReport(_text: string): Result<AccessKeyRecord[]> {
  return fail('reading a credential report is not built yet');
}
