// Adopting live objects (metadata.importedFrom) needs a Pulumi CLI whose engine imports a resource and
// then updates it in the same run when the program's inputs differ from the live object: before
// 3.174.0 (pulumi/pulumi#19339) such an import failed ("inputs to import do not match the existing
// resource"), and an adopted object always differs (idac's tags at least). 3.175.0 fixed a panic of
// that new import path (pulumi/pulumi#19750). Pure: the caller has the CLI's version.

import type { DesiredResource } from '../compile/types.js';

export const ADOPT_MIN_PULUMI = '3.175.0';

/** Why apply cannot adopt with this CLI, or null (nothing to adopt, a new enough CLI, or a version it cannot read). */
export function adoptionRefusal(version: string, resources: readonly DesiredResource[]): string | null {
  const adopted = resources.filter((r) => r.importId !== undefined);
  if (adopted.length === 0) return null;
  const have = semver(version);
  if (have === null || compare(have, semver(ADOPT_MIN_PULUMI)!) >= 0) return null;
  const names = adopted.map((r) => r.name).sort();
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return (
    `adopting imported objects (${shown}) needs Pulumi CLI ${ADOPT_MIN_PULUMI} or later, which imports and then ` +
    `updates an object in one run; this is ${version}. Upgrade the CLI (https://www.pulumi.com/docs/iac/download-` +
    `install/). Nothing was applied.`
  );
}

function semver(text: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
