// An estate identity as the manifest `idac import` writes: what the estate says (access, the live
// object, tags), what the options decide (name, team), and defaults that make the file load while
// leaving every real decision to a person: no owner unless a tag names one, a purpose the
// placeholder rule flags, an expiry at the longest the organisation allows.

import { DAY_MS, isoDate, parseDuration } from '../../../common/time.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import type { Organization } from '../../../manifest/organization.generated.js';
import { statementFingerprint } from '../fingerprint.js';
import type { EstateIdentity } from '../types.js';
import { labelValue } from './team.js';

type Spec = MachineIdentity['spec'];
/** A MachineIdentity whose owner and successor may still be missing (a person fills them in). */
export interface ImportedManifest {
  apiVersion: 'idac/v1';
  kind: 'MachineIdentity';
  metadata: Pick<MachineIdentity['metadata'], 'name' | 'importedFrom'>;
  spec: Omit<Spec, 'stewardship'> & { stewardship: Partial<Spec['stewardship']> & { team: string } };
}

export const IDENTITY_TYPES: readonly Spec['type'][] = [
  'workload',
  'pipeline',
  'bot',
  'device',
  'api-client',
  'ai-agent',
];
const DEFAULT_LIFETIME_DAYS = 90;
// The schema's e-mail: a tag that holds anything else ("team-payments", a Slack handle) is not an owner.
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export interface ManifestChoices {
  name: string;
  team: string;
  /** The tag/label naming the owner (`--owner-from`, default `owner`). */
  ownerFrom: string;
  org: Organization | null;
  now: number;
}

function email(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  const value = labelValue(labels, key)?.trim();
  return value !== undefined && value.length <= 254 && EMAIL.test(value) ? value : undefined;
}

/** `expires`: today + limits.maxLifetime (else 90 days), whole UTC days as the max-lifetime rule counts them. */
export function importExpiry(org: Organization | null, now: number): string {
  const limit = org?.spec.limits?.maxLifetime;
  const max = (limit === undefined ? null : parseDuration(limit)) ?? DEFAULT_LIFETIME_DAYS * DAY_MS;
  return isoDate(Math.floor(now / DAY_MS) * DAY_MS + Math.floor(max / DAY_MS) * DAY_MS);
}

/**
 * `access` without empty lists: the schema refuses them (an empty list never means "no restriction"), and
 * an absent list grants the same nothing, so the file loads and means exactly what the estate holds. AWS
 * permissions are the exception: the key is required and `[]` (nothing the estate held was expressible)
 * is what the schema accepts for "no grants".
 */
export function withoutEmptyLists<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmptyLists) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutEmptyLists(v)]),
  ) as T;
}

function withAwsPermissions(access: EstateIdentity['access']): EstateIdentity['access'] {
  // withoutEmptyLists may have taken the list away, whatever the type says.
  const aws: Partial<NonNullable<EstateIdentity['access']['aws']>> | undefined = access.aws;
  return access.aws && aws?.permissions === undefined ? { ...access, aws: { ...access.aws, permissions: [] } } : access;
}

/** What the first apply adopts, and the fingerprints of what the manifest cannot say (see fingerprint.ts). */
function liveOf(identity: EstateIdentity): { live?: NonNullable<EstateIdentity['live']> } {
  const notExpressible = [...new Set(identity.notExpressible.map(statementFingerprint))].sort();
  const live = { ...identity.live, ...(notExpressible.length > 0 ? { notExpressible } : {}) };
  return Object.keys(live).length > 0 ? { live } : {};
}

export function manifestOf(identity: EstateIdentity, choices: ManifestChoices): ImportedManifest {
  const owner = email(identity.labels, choices.ownerFrom);
  const successor = email(identity.labels, 'successor');
  const tagged = labelValue(identity.labels, 'type')?.trim().toLowerCase();
  const type = IDENTITY_TYPES.find((t) => t === tagged) ?? 'workload';
  return {
    apiVersion: 'idac/v1',
    kind: 'MachineIdentity',
    metadata: {
      name: choices.name,
      importedFrom: {
        target: identity.target,
        id: identity.id,
        name: identity.name,
        at: isoDate(choices.now),
        ...liveOf(identity),
      },
    },
    spec: {
      type,
      purpose: `Imported from ${identity.id}`,
      criticality: 'medium',
      stewardship: {
        ...(owner !== undefined ? { owner } : {}),
        ...(successor !== undefined && successor.toLowerCase() !== owner?.toLowerCase() ? { successor } : {}),
        team: choices.team,
      },
      expires: importExpiry(choices.org, choices.now),
      status: 'active',
      access: withAwsPermissions(withoutEmptyLists(identity.access)),
    },
  };
}
