// Live names → idac names. An idac name must be valid for AWS, Kubernetes and Vault at once
// (schema identityName), so most live names need mapping: IAM allows `+=,.@_` and 64 characters,
// Vault role names allow almost anything. The mapping is a pure function of the live name and the
// cloud id, so importing the same estate twice gives the same names; the original is always kept
// in metadata.importedFrom.

import { createHash } from 'node:crypto';
import type { EstateTarget } from '../types.js';

export const IDENTITY_NAME = /^[a-z][a-z0-9-]{1,46}[a-z0-9]$/;
const MAX = 48;

/** A short, stable tag of a cloud id: what tells two identities apart when their names collide. */
export function idHash(id: string, length = 6): string {
  return createHash('sha256').update(id).digest('hex').slice(0, length);
}

/** Lowercase words joined by '-': "S3ReadOnly_Role" → "s3-read-only-role". Empty when nothing is left. */
export function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const PREFIX: Record<EstateTarget, string> = { aws: 'aws', kubernetes: 'k8s', vault: 'vault' };

/** `base` cut to fit `-<suffix>` within the name limit. */
function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, MAX - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
}

/**
 * The idac name a live name maps to, before collisions: its slug; a name not starting with a
 * letter gets the target as prefix ("2fa-bot" → "aws-2fa-bot"); a name too long is cut and ends in a
 * hash of the cloud id; a name too short (or empty) gets one too.
 */
export function idacName(target: EstateTarget, live: string, id: string): string {
  let name = slug(live);
  if (!/^[a-z]/.test(name)) name = name === '' ? PREFIX[target] : `${PREFIX[target]}-${name}`;
  if (name.length > MAX || name.length < 3) name = withSuffix(name, idHash(id));
  return name;
}

/**
 * Names for every identity (by cloud id), none of them in `taken` (names of existing manifests of
 * other identities) and no two alike. `reuse`: ids already imported into a manifest keep its name.
 * Every identity whose mapped name collides gets the hash suffix — all of them, not all but the
 * first — so the result does not depend on the order the estate lists them in.
 */
export function assignNames(
  identities: readonly { target: EstateTarget; id: string; name: string }[],
  taken: ReadonlySet<string>,
  reuse: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const wanted = new Map<string, string[]>();
  for (const i of identities) {
    const kept = reuse.get(i.id);
    if (kept !== undefined) {
      out.set(i.id, kept);
      continue;
    }
    const name = idacName(i.target, i.name, i.id);
    wanted.set(name, [...(wanted.get(name) ?? []), i.id]);
  }
  const used = new Set([...taken, ...out.values()]);
  const clashing: [string, string][] = [];
  for (const [name, ids] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ids.length === 1 && !used.has(name)) {
      out.set(ids[0]!, name);
      used.add(name);
    } else for (const id of ids) clashing.push([name, id]);
  }
  for (const [name, id] of clashing.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Six hex digits tell ids apart in any real estate; longer only if two of them still meet.
    let length = 6;
    let candidate = withSuffix(name, idHash(id, length));
    while (used.has(candidate)) candidate = withSuffix(name, idHash(id, (length += 2)));
    out.set(id, candidate);
    used.add(candidate);
  }
  return out;
}
