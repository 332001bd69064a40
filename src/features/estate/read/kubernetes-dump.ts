// Placeholder until the reader lands (issue 18, in progress): it refuses to run rather than guess.

import { fail, type Result } from '../../../common/result.js';
import type { Estate, EstateContext } from '../types.js';

/** `kubectl get serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings -A -o json` → the estate. */
export function parseKubectlDump(_text: string, _ctx: EstateContext & { cluster: string }): Result<Estate> {
  return fail('reading a kubectl dump is not built yet');
}
