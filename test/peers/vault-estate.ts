// A realistic Vault estate in a real OpenBao dev server, for the import and drift tests: a dozen
// policies (plain, shorthand, JSON, templated, deny, parameters, wrapping, root-like), Kubernetes
// auth on two mounts, AppRoles with live secret ids, and a JWT role. The
// secrets it makes (role ids, secret ids, the root token) are returned so tests can assert they
// never reach any output. `mutate` applies the changes a drift test looks for.

import type { Dump } from '../estate/vault-fixture.js';
import type { OpenBao } from './openbao.js';

export const VAULT_POLICIES: Readonly<Record<string, string>> = {
  'payments-read': 'path "kv/data/payments/*" {\n  capabilities = ["read", "list"]\n}\n',
  'payments-write':
    'path "kv/data/payments/*" {\n  capabilities = ["create", "update"]\n}\n\n' +
    'path "kv/data/payments/ledger" {\n  capabilities = ["update"]\n' +
    '  allowed_parameters = {\n    "amount" = []\n  }\n}\n',
  'payments-no-admin': 'path "kv/data/payments/admin/*" {\n  capabilities = ["deny"]\n}\n',
  'ledger-transit': '# encrypt only\npath "transit/encrypt/ledger" { capabilities = ["update"] }\n',
  'edge-certs': 'path "pki/issue/edge" {\n  policy = "write"\n}\n',
  'edge-json':
    '{"path": {"kv/data/edge/*": {"capabilities": ["read"]}, "kv/metadata/edge/*": {"capabilities": ["list"]}}}',
  'own-entity': 'path "kv/data/users/{{identity.entity.name}}/*" {\n  capabilities = ["read", "update"]\n}\n',
  'ops-admin': 'path "*" {\n  capabilities = ["create", "read", "update", "delete", "list", "sudo"]\n}\n',
  'batch-wrapped':
    'path "kv/data/batch/*" {\n  capabilities = ["read"]\n  min_wrapping_ttl = "1m"\n}\n' +
    'path "kv/data/batch/config" {\n  capabilities = ["read"]\n  denied_parameters = { "version" = [] }\n}\n',
  'batch-read': 'path "kv/data/batch/*" {\n  capabilities = ["read", "list"]\n}\n',
  'reports-read': 'path "kv/data/reports/*" { capabilities = ["read"] }\n',
  unused: 'path "kv/data/legacy/*" { capabilities = ["read"] }\n',
};

/** Roles by mount: Vault's write fields. */
const KUBERNETES_ROLES: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>> = {
  kubernetes: {
    ledger: {
      bound_service_account_names: ['ledger'],
      bound_service_account_namespaces: ['payments'],
      token_policies: ['payments-read', 'payments-write', 'payments-no-admin', 'ledger-transit'],
      token_ttl: 3600,
    },
    reports: {
      bound_service_account_names: ['reports'],
      bound_service_account_namespaces: ['analytics'],
      token_policies: ['reports-read', 'own-entity'],
    },
    everyone: {
      bound_service_account_names: ['*'],
      bound_service_account_namespaces: ['payments', 'analytics'],
      token_policies: ['reports-read'],
    },
    'ops-tool': {
      bound_service_account_names: ['ops-tool'],
      bound_service_account_namespaces: ['ops'],
      token_policies: ['ops-admin'],
      token_bound_cidrs: ['10.0.0.0/8'],
    },
  },
  'k8s/edge': {
    gateway: {
      bound_service_account_names: ['gateway'],
      bound_service_account_namespaces: ['edge'],
      token_policies: ['edge-certs', 'edge-json'],
    },
  },
};

const JWT_ROLES: Readonly<Record<string, Record<string, unknown>>> = {
  'ledger-ci': {
    role_type: 'jwt',
    bound_audiences: ['https://vault.acme.example'],
    bound_claims: { project_path: 'acme/ledger', ref: ['main', 'release'] },
    user_claim: 'sub',
    token_policies: ['payments-read'],
  },
};

const APPROLES: Readonly<Record<string, Record<string, unknown>>> = {
  'nightly-batch': { token_policies: ['batch-wrapped', 'batch-read'], secret_id_ttl: '720h' },
  'report-export': { token_policies: ['reports-read'], secret_id_ttl: '720h', token_period: '24h' },
  'legacy-sync': {
    token_policies: ['payments-read', 'gone'],
    bind_secret_id: false,
    token_bound_cidrs: ['10.1.0.0/16'],
  },
};

export interface VaultEstate {
  /** Every secret the estate holds: the root token, role ids, secret ids and their accessors. */
  secrets: string[];
}

/** Creates the estate; returns the secrets it made. */
export async function buildVaultEstate(bao: OpenBao): Promise<VaultEstate> {
  const secrets = [bao.token];
  for (const [path, type] of [
    ['kubernetes', 'kubernetes'],
    ['k8s/edge', 'kubernetes'],
    ['approle', 'approle'],
    ['jwt-gitlab', 'jwt'],
  ] as const) {
    await bao.api('POST', `sys/auth/${path}`, { type });
  }
  for (const [name, policy] of Object.entries(VAULT_POLICIES))
    await bao.api('PUT', `sys/policies/acl/${name}`, { policy });
  for (const [mount, roles] of Object.entries(KUBERNETES_ROLES)) {
    for (const [name, fields] of Object.entries(roles)) await bao.api('POST', `auth/${mount}/role/${name}`, fields);
  }
  for (const [name, fields] of Object.entries(JWT_ROLES)) await bao.api('POST', `auth/jwt-gitlab/role/${name}`, fields);
  for (const [name, fields] of Object.entries(APPROLES)) {
    await bao.api('POST', `auth/approle/role/${name}`, fields);
    const roleId = (await bao.api('GET', `auth/approle/role/${name}/role-id`)) as { data: { role_id: string } };
    secrets.push(roleId.data.role_id);
    if (fields.bind_secret_id === false) continue;
    for (let i = 0; i < 2; i++) {
      const made = (await bao.api('POST', `auth/approle/role/${name}/secret-id`, {})) as {
        data: { secret_id: string; secret_id_accessor: string };
      };
      secrets.push(made.data.secret_id, made.data.secret_id_accessor);
    }
  }
  return { secrets };
}

/** The changes drift looks for: a console edit of a policy, a new orphan role, a deleted role. */
export async function mutateVaultEstate(bao: OpenBao): Promise<void> {
  await bao.api('PUT', 'sys/policies/acl/reports-read', {
    policy: 'path "kv/data/reports/*" { capabilities = ["read", "list", "update"] }\n',
  });
  await bao.api('POST', 'auth/approle/role/shadow-bot', { token_policies: ['ops-admin'] });
  await bao.api('DELETE', 'auth/kubernetes/role/reports');
}

/**
 * Writes a dump (test/estate/vault-fixture.ts dumpOf: what idac compiles, as Vault holds it) into a
 * server: its auth mounts (enabled when missing), policies and roles. Vault then reads them back in
 * its own shape, which is what a round trip through a real server checks.
 */
export async function loadDump(bao: OpenBao, dump: Dump): Promise<void> {
  const enabled = (await bao.api('GET', 'sys/auth')) as { data: Record<string, unknown> };
  for (const [mount, { type, roles = {} }] of Object.entries(dump.auth)) {
    if (!(`${mount}/` in enabled.data)) await bao.api('POST', `sys/auth/${mount}`, { type });
    for (const [name, fields] of Object.entries(roles)) await bao.api('POST', `auth/${mount}/role/${name}`, fields);
  }
  for (const [name, policy] of Object.entries(dump.policies))
    await bao.api('PUT', `sys/policies/acl/${name}`, { policy });
}
