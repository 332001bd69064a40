// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../common/result.js';

/** The live Vault over its HTTP API (VAULT_ADDR, VAULT_TOKEN), read-only: the same JSON the README's dump script writes. */
export async function fetchVaultDump(_env: NodeJS.ProcessEnv = process.env): Promise<Result<unknown>> {
  return fail('reading Vault live is not built yet');
}
