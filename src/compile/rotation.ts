// Rotation without state of our own (DESIGN.md): the credential generation is a pure function of
// the identity's name, its rotation policy and the clock. The generation is part of the credential
// resource's logical name, so a new generation is a create and the one before it a delete.

import { createHash } from 'node:crypto';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { parseDuration } from '../common/time.js';
import type { StaticCredentialKind } from './types.js';

/** The static credentials an identity holds, by kind (federated identities hold none). */
export function staticCredentialKinds(data: MachineIdentity): StaticCredentialKind[] {
  const out: StaticCredentialKind[] = [];
  if (data.spec.access.aws?.principal === 'user') out.push('aws-access-key');
  if (data.spec.access.vault?.auth === 'approle') out.push('vault-secret-id');
  return out;
}

export interface Generations {
  /** The newest generation at `now`. */
  current: number;
  /** The generations whose credential exists at `now`: the previous one too while inside the overlap. */
  live: number[];
  /** When the current generation was issued (ms). */
  issued: number;
  /** When the next generation replaces it (ms); null when the identity does not rotate. */
  nextRotation: number | null;
  /** Until when the previous generation stays valid (ms); equals `issued` without overlap. */
  overlapUntil: number;
}

/**
 * SPEC §2: `g = floor((now − offset) / period) + epoch` in whole seconds, offset from SHA-256 of the
 * name so a fleet does not rotate in one burst. Without a usable period (validate reports it) the
 * credential never rotates: generation `epoch`, issued at the Unix epoch.
 */
export function generations(data: MachineIdentity, now: number): Generations {
  const rotation = data.spec.rotation;
  const epoch = rotation?.epoch ?? 0;
  const period = rotation ? secondsOf(rotation.period) : null;
  if (period === null || period <= 0)
    return { current: epoch, live: [epoch], issued: 0, nextRotation: null, overlapUntil: 0 };
  const overlapSec = rotation?.overlap === undefined ? 0 : (secondsOf(rotation.overlap) ?? 0);
  const nowSec = Math.floor(now / 1000);
  const offset = rotationOffset(data.metadata.name, period);
  const k = Math.floor((nowSec - offset) / period);
  const issuedSec = offset + k * period;
  const overlapUntilSec = issuedSec + Math.min(overlapSec, period);
  const current = k + epoch;
  return {
    current,
    live: nowSec < overlapUntilSec ? [current - 1, current] : [current],
    issued: issuedSec * 1000,
    nextRotation: (issuedSec + period) * 1000,
    overlapUntil: overlapUntilSec * 1000,
  };
}

/** The first 4 bytes of SHA-256(name) as a big-endian uint32, modulo the period (seconds). */
export function rotationOffset(name: string, periodSec: number): number {
  return createHash('sha256').update(name, 'utf8').digest().readUInt32BE(0) % periodSec;
}

function secondsOf(duration: string): number | null {
  const ms = parseDuration(duration);
  return ms === null ? null : Math.floor(ms / 1000);
}
