// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../../../common/result.js';
import type { Estate, EstateContext } from '../types.js';

/** The dump scripts/vault-export.sh writes (policies, Kubernetes and AppRole auth roles) → the estate. */
export function parseVaultDump(_text: string, _ctx: EstateContext): Result<Estate> {
  return fail('reading a Vault dump is not built yet');
}
