// The estates drift compares, from what the command was given: export files (read by the caller,
// which owns the file system) or the live APIs (src/io). Each is parsed by the same reader import
// uses, so what drift sees is exactly what import would write.

import { ok, type Result } from '../../../common/result.js';
import { fetchAwsEstate } from '../../../io/aws-iam.js';
import { parseCredentialReport } from '../read/aws-credential-report.js';
import { estateFromAwsLive, parseAwsExport } from '../read/aws-export.js';
import { parseKubectlDump } from '../read/kubernetes-dump.js';
import { parseVaultDump } from '../read/vault-dump.js';
import { readVaultLive } from '../read/vault-live.js';
import type { AccessKeyRecord, Estate, EstateContext } from '../types.js';

export interface EstateSources {
  aws?: string;
  awsLive?: true;
  credentialReport?: string;
  kubernetes?: { file: string; cluster: string };
  vault?: string;
  vaultLive?: true;
}

/** Reads a file the user named, by its flag (a failure it throws is the caller's to report). */
export type ReadFile = (flag: string, path: string) => Promise<string>;

export async function readEstates(
  sources: EstateSources,
  ctx: EstateContext,
  read: ReadFile,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Result<Estate[]>> {
  const out: Estate[] = [];
  if (sources.aws !== undefined) {
    const estate = parseAwsExport(await read('--aws', sources.aws), ctx);
    if (!estate.ok) return estate;
    let keys = estate.value.keys;
    if (sources.credentialReport !== undefined) {
      const report = parseCredentialReport(await read('--credential-report', sources.credentialReport));
      if (!report.ok) return report;
      keys = mergeKeys(keys, report.value);
    }
    out.push({ ...estate.value, keys });
  }
  if (sources.awsLive) {
    const live = await fetchAwsEstate(env);
    if (!live.ok) return live;
    const estate = estateFromAwsLive(live.value, ctx);
    if (!estate.ok) return estate;
    out.push(estate.value);
  }
  if (sources.kubernetes !== undefined) {
    const estate = parseKubectlDump(await read('--kubernetes', sources.kubernetes.file), {
      ...ctx,
      cluster: sources.kubernetes.cluster,
    });
    if (!estate.ok) return estate;
    out.push(estate.value);
  }
  if (sources.vault !== undefined || sources.vaultLive) {
    const estate =
      sources.vault !== undefined
        ? parseVaultDump(await read('--vault', sources.vault), ctx)
        : await readVaultLive(ctx, env);
    if (!estate.ok) return estate;
    out.push(estate.value);
  }
  return ok(out);
}

/** One record per (user, key): a key both sources list is the same key. */
function mergeKeys(a: readonly AccessKeyRecord[], b: readonly AccessKeyRecord[]): AccessKeyRecord[] {
  const out = new Map<string, AccessKeyRecord>();
  for (const k of [...a, ...b]) out.set(`${k.user}\u0000${k.keyId}`, { ...out.get(`${k.user}\u0000${k.keyId}`), ...k });
  return [...out.values()];
}
