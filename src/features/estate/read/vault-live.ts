// The live Vault as an estate: fetchVaultDump reads it over HTTP (io), the dump reader maps it. The
// scope is the address, so a report says which Vault it read.

import type { Result } from '../../../common/result.js';
import { fetchVaultDump } from '../../../io/vault-api.js';
import type { Estate, EstateContext } from '../types.js';
import { vaultEstate } from './vault-dump.js';

/** `import vault --live` and `drift --vault-live`: VAULT_ADDR, VAULT_TOKEN (… see io/vault-api.ts) → the estate. */
export async function readVaultLive(ctx: EstateContext, env: NodeJS.ProcessEnv = process.env): Promise<Result<Estate>> {
  const dump = await fetchVaultDump(env);
  if (!dump.ok) return dump;
  return vaultEstate(dump.value, ctx, new URL(env.VAULT_ADDR!.trim()).origin);
}
