// What `idac drift` reports: the estate against git, in four lists (SPEC §5). Plain data: the
// comparison builds it, the renderers print it, the exit code is whether any list is non-empty.

import type { EstateTarget } from '../types.js';

/** Where an entry points: the target, the cloud id, and the manifest when one declares it. */
export interface DriftEntry {
  target: EstateTarget;
  /** The cloud id: role/user ARN, k8s:<cluster>/<namespace>/<name>, vault:auth/<mount>/role/<name>. */
  id: string;
  /** metadata.name of the manifest that declares it, when one does. */
  identity?: string;
  /** That manifest's file, relative to the repository root. */
  file?: string;
}

/** A principal in the estate that no manifest declares: a shadow identity. */
export interface Orphan extends DriftEntry {
  /** The live name. */
  name: string;
}

/** An access key idac does not manage (the key id masked as the reader gave it). */
export interface UnmanagedKey extends DriftEntry {
  keyId: string;
  status: 'Active' | 'Inactive';
  created?: string;
  lastUsed?: string;
  /** Why it is not idac's, in words a person can act on. */
  reason: string;
}

/**
 * One field that differs. `manifest` is what git declares and `live` what the estate holds; the
 * side that lacks it is null (a grant added in the console: manifest null, live the grant).
 */
export interface Difference {
  /**
   * `aws.permissions`, `aws.trust`, `aws.keys`, `kubernetes.rules`, `vault.paths`, `vault.auth`,
   * `<target>.notExpressible`, `status`.
   */
  field: string;
  manifest: string | null;
  live: string | null;
  /** For a statement no manifest can say: where it lives and why it is not expressible. */
  source?: string;
  reason?: string;
}

/** A principal both sides know whose access differs: changed outside idac (or not yet applied). */
export interface Changed extends DriftEntry {
  identity: string;
  file: string;
  differences: Difference[];
}

/** A manifest (active or suspended) whose principal the estate does not hold. */
export interface Missing extends DriftEntry {
  identity: string;
  file: string;
  status: 'active' | 'suspended';
}

export interface DriftReport {
  orphans: Orphan[];
  unmanagedKeys: UnmanagedKey[];
  changed: Changed[];
  missing: Missing[];
}

/** Anything drifted: the command's exit 1. */
export function drifted(r: DriftReport): boolean {
  return r.orphans.length + r.unmanagedKeys.length + r.changed.length + r.missing.length > 0;
}
