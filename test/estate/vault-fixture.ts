// What idac compiles for Vault, as the dump of a Vault it was applied to: the policies by name and
// each auth role in the shape Vault reads it back (snake_case fields, the provider's camelCase
// inputs renamed). Round-trip and drift tests build estates from manifests with it.

import type { DesiredResource } from '../../src/compile/types.js';

const METHODS: Readonly<Record<string, string>> = {
  'vault:kubernetes/authBackendRole:AuthBackendRole': 'kubernetes',
  'vault:appRole/authBackendRole:AuthBackendRole': 'approle',
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
    const { backend, roleName, ...fields } = inputs;
    const mount = dump.auth[backend as string] ?? { type, roles: {} };
    dump.auth[backend as string] = mount;
    mount.roles![roleName as string] = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
    );
  }
  return dump;
}
