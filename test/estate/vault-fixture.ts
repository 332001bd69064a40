// What idac compiles for Vault, as the dump of a Vault it was applied to: the policies by name and
// each auth role in the shape Vault reads it back (snake_case fields, the provider's camelCase
// inputs renamed). Round-trip and drift tests build estates from manifests with it.

import type { DesiredResource } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { ACME_ORG, acme, role } from '../compile/aws-fixture.js';

const METHODS: Readonly<Record<string, string>> = {
  'vault:kubernetes/authBackendRole:AuthBackendRole': 'kubernetes',
  'vault:appRole/authBackendRole:AuthBackendRole': 'approle',
  'vault:jwt/authBackendRole:AuthBackendRole': 'jwt',
};

export interface Dump {
  format: 'idac-vault-dump/v1';
  policies: Record<string, string>;
  auth: Record<string, { type: string; roles?: Record<string, Record<string, unknown>> }>;
}

export function emptyDump(): Dump {
  return { format: 'idac-vault-dump/v1', policies: {}, auth: {} };
}

/** Adds compiled resources to a dump (a new one by default) as Vault would hold them once applied. */
export function dumpOf(resources: readonly DesiredResource[], dump: Dump = emptyDump()): Dump {
  for (const r of resources) {
    const inputs = r.inputs as Record<string, unknown>;
    if (r.type === 'vault:index/policy:Policy') {
      dump.policies[inputs.name as string] = inputs.policy as string;
      continue;
    }
    const type = METHODS[r.type];
    if (type === undefined) continue;
    const { backend, roleName, disableBoundClaimsParsing, ...fields } = inputs;
    // The provider splits each bound claim on commas into a list, unless told not to.
    if (isRecord(fields.boundClaims)) {
      const claims = fields.boundClaims as Record<string, string>;
      fields.boundClaims = Object.fromEntries(
        Object.entries(claims).map(([k, v]) => [k, disableBoundClaimsParsing === true ? v : v.split(',')]),
      );
    }
    const mount = dump.auth[backend as string] ?? { type, roles: {} };
    dump.auth[backend as string] = mount;
    mount.roles![roleName as string] = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
    );
  }
  return dump;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const NOW = '2026-11-23T12:00:00Z';
export const ORG: Organization = { apiVersion: 'idac/v1', kind: 'Organization', spec: ACME_ORG.spec };

export function withOrg(patch: (spec: Organization['spec']) => Organization['spec']): Organization {
  return { ...ORG, spec: patch(structuredClone(ORG.spec)) };
}

/** A Vault identity: the role fixture without AWS access, with the given Vault (and Kubernetes) access. */
export function vaultIdentity(
  name: string,
  access: MachineIdentity['spec']['access'],
  rotation = false,
): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: { ...base.spec, access, ...(rotation ? { rotation: { period: '30d', overlap: '1d' } } : {}) },
  };
}

/**
 * The manifest's access as the Vault reader sees it: Kubernetes rules are the Kubernetes reader's,
 * certificates are PKI roles (not in the dump), and a suspended identity's role hands out no policy.
 */
export function vaultView(data: MachineIdentity): MachineIdentity['spec']['access'] {
  const { vault, kubernetes } = data.spec.access;
  const { certificates: _, paths, ...rest } = vault!;
  return {
    vault: data.spec.status === 'suspended' || !paths ? rest : { ...rest, paths },
    ...(kubernetes && vault!.auth === 'kubernetes'
      ? {
          kubernetes: {
            cluster: kubernetes.cluster,
            namespace: kubernetes.namespace,
            serviceAccount: kubernetes.serviceAccount ?? data.metadata.name,
          },
        }
      : {}),
  };
}

export const PATHS = [
  { path: 'kv/data/payments/app/*', capabilities: ['read' as const, 'list' as const] },
  { path: 'kv/data/payments/app/root', capabilities: ['deny' as const] },
  { path: 'transit/encrypt/+', capabilities: ['update' as const] },
];

/**
 * Vault identities idac compiles, each with a name of its own (so one server can hold them all), and
 * its org.yaml when not acme's.
 */
export const ROUND_TRIP: [string, MachineIdentity, Organization?][] = [
  ['acme support-assistant (kubernetes auth)', acme('data/support-assistant.yaml')],
  ['acme legacy-etl (approle)', acme('data/legacy-etl.yaml')],
  ['acme ledger-writer (approle)', acme('payments/ledger-writer.yaml')],
  ['acme settlement-reader (kubernetes auth, certificates, elevations)', acme('payments/settlement-reader.yaml')],
  ['acme edge-gateway (approle, certificates)', acme('platform/edge-gateway.yaml')],
  [
    'kubernetes auth, service account named after the identity',
    vaultIdentity('app', {
      kubernetes: { cluster: 'prod-eu', namespace: 'payments' },
      vault: { auth: 'kubernetes', paths: PATHS },
    }),
  ],
  [
    'kubernetes auth, another service account',
    vaultIdentity('app-worker', {
      kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'worker' },
      vault: { auth: 'kubernetes', paths: PATHS },
    }),
  ],
  [
    'kubernetes auth, no paths',
    vaultIdentity('app-bare', {
      kubernetes: { cluster: 'prod-eu', namespace: 'payments' },
      vault: { auth: 'kubernetes' },
    }),
  ],
  [
    'kubernetes auth on a cluster with its own mount',
    vaultIdentity('app-us', {
      kubernetes: { cluster: 'prod-us', namespace: 'payments' },
      vault: { auth: 'kubernetes', paths: PATHS },
    }),
    withOrg((s) => ({
      ...s,
      targets: { ...s.targets, kubernetes: { 'prod-us': { vaultAuthMount: 'k8s/prod-us' } } },
    })),
  ],
  ['acme ledger-ci (jwt, its AWS access aside)', acme('payments/ledger-ci.yaml')],
  [
    'jwt: claim lists, globs, a user claim',
    vaultIdentity('deployer', {
      vault: {
        auth: 'jwt',
        jwt: {
          mount: 'jwt-gitlab',
          audience: 'https://vault.acme.example',
          claims: { project_path: ['acme/a', 'acme/b'], ref: 'release-*' },
          userClaim: 'project_path',
        },
        paths: PATHS,
      },
    }),
  ],
  [
    'jwt: a value with a comma stays whole',
    vaultIdentity('deployer-comma', {
      vault: {
        auth: 'jwt',
        jwt: { mount: 'jwt-gitlab', audience: 'vault', claims: { environment: 'prod,eu' } },
        paths: PATHS,
      },
    }),
  ],
  ['approle', vaultIdentity('batch', { vault: { auth: 'approle', paths: PATHS } }, true)],
  [
    'approle on the mount org.yaml names',
    vaultIdentity('batch-ci', { vault: { auth: 'approle', paths: PATHS } }, true),
    withOrg((s) => ({ ...s, targets: { ...s.targets, vault: { ...s.targets?.vault, approleMount: 'ci/approle' } } })),
  ],
];
