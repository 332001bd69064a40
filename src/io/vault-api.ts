// The live Vault (or OpenBao) over its HTTP API, read-only: the ACL policies, the auth mounts, and
// the roles of every Kubernetes, AppRole and JWT/OIDC mount — the same JSON scripts/vault-export.sh writes
// (format idac-vault-dump/v1, read by features/estate/read/vault-dump.ts). Only list and read calls;
// never a role id, a secret id or a token. The token is sent as a header and never appears in an
// error: a diagnostic names the address, the path and Vault's own error list.

import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { fail, ok, type Result } from '../common/result.js';

/** Written beside the dump so the reader knows its shape (features/estate/read/vault-dump.ts VAULT_DUMP_FORMAT). */
const FORMAT = 'idac-vault-dump/v1';
/** The auth methods whose roles the dump lists. */
const ROLE_METHODS = new Set(['kubernetes', 'approle', 'jwt', 'oidc']);
const TIMEOUT_MS = 15_000;
/** Calls in flight at once: a large Vault answers faster, and none is flooded. */
const PARALLEL = 8;

interface Client {
  address: string;
  /** GET one path; null when Vault says 404 (an empty list, a policy deleted meanwhile). */
  get: (path: string) => Promise<Result<Record<string, unknown> | null>>;
}

/** The live Vault (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT, VAULT_SKIP_VERIFY) → the dump. */
export async function fetchVaultDump(
  env: NodeJS.ProcessEnv = process.env,
  opts: { timeoutMs?: number } = {},
): Promise<Result<unknown>> {
  const client = await clientOf(env, opts.timeoutMs ?? TIMEOUT_MS);
  if (!client.ok) return client;
  const { get } = client.value;

  const names = await get('sys/policies/acl?list=true');
  if (!names.ok) return names;
  // root has no text to read (Vault answers with nothing or an error): it grants everything.
  const policyNames = keysOf(names.value)
    .filter((n) => n !== 'root')
    .sort();
  const texts = await inBatches(policyNames, (n) => get(`sys/policies/acl/${encodeURIComponent(n)}`));
  const policies: Record<string, string> = {};
  for (const [i, name] of policyNames.entries()) {
    const answer = texts[i]!;
    if (!answer.ok) return answer;
    const policy = dataOf(answer.value)?.policy;
    if (typeof policy === 'string') policies[name] = policy;
  }

  const mounts = await get('sys/auth');
  if (!mounts.ok) return mounts;
  const table = dataOf(mounts.value) ?? mounts.value ?? {};
  const auth: Record<string, { type: string; roles?: Record<string, unknown> }> = {};
  for (const path of Object.keys(table).sort()) {
    const entry = table[path];
    if (typeof entry !== 'object' || entry === null || !('type' in entry) || typeof entry.type !== 'string') continue;
    const mount = path.replace(/\/+$/, '');
    if (!ROLE_METHODS.has(entry.type)) {
      auth[mount] = { type: entry.type };
      continue;
    }
    const roles = await rolesOf(get, mount);
    if (!roles.ok) return roles;
    auth[mount] = { type: entry.type, roles: roles.value };
  }
  return ok({ format: FORMAT, policies, auth });
}

async function rolesOf(get: Client['get'], mount: string): Promise<Result<Record<string, unknown>>> {
  const base = `auth/${mount.split('/').map(encodeURIComponent).join('/')}/role`;
  const list = await get(`${base}?list=true`);
  if (!list.ok) return list;
  const names = keysOf(list.value).sort();
  const answers = await inBatches(names, (n) => get(`${base}/${encodeURIComponent(n)}`));
  const roles: Record<string, unknown> = {};
  for (const [i, name] of names.entries()) {
    const answer = answers[i]!;
    if (!answer.ok) return answer;
    const data = dataOf(answer.value);
    if (data) roles[name] = data;
  }
  return ok(roles);
}

async function clientOf(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Result<Client>> {
  const address = (env.VAULT_ADDR ?? '').trim();
  if (address === '')
    return fail('VAULT_ADDR is not set: export the address of the Vault to read (https://vault.example:8200)');
  let base: URL;
  try {
    base = new URL(address);
  } catch {
    return fail(`VAULT_ADDR is not a URL: ${address}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return fail(`VAULT_ADDR is not http(s): ${address}`);
  const token = env.VAULT_TOKEN ?? '';
  if (token === '')
    return fail('VAULT_TOKEN is not set: export a token that may list and read policies and auth roles');
  let ca: string | undefined;
  if (env.VAULT_CACERT) {
    try {
      ca = await readFile(env.VAULT_CACERT, 'utf8');
    } catch {
      return fail(`VAULT_CACERT cannot be read: ${env.VAULT_CACERT}`);
    }
  }
  const skipVerify = ['1', 'true', 't', 'yes'].includes((env.VAULT_SKIP_VERIFY ?? '').toLowerCase());
  const headers: Record<string, string> = { 'X-Vault-Token': token, 'X-Vault-Request': 'true' };
  if (env.VAULT_NAMESPACE) headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;
  const prefix = base.pathname.replace(/\/+$/, '');
  const where = base.origin;

  const get = (path: string): Promise<Result<Record<string, unknown> | null>> =>
    new Promise((resolve) => {
      const url = new URL(`${prefix}/v1/${path}`, base);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const shown = path.replace(/\?.*$/, '');
      const req = send(
        url,
        {
          method: 'GET',
          headers,
          timeout: timeoutMs,
          ...(url.protocol === 'https:' ? { ca, rejectUnauthorized: !skipVerify } : {}),
        },
        (res) => void answer(res, shown, where).then(resolve),
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs / 1000}s`)));
      req.on('error', (e: NodeJS.ErrnoException) => {
        const code = e.code ?? e.message;
        resolve(
          fail(
            /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)
              ? `Vault at ${where} presented a certificate that is not trusted (${code}) reading ${shown}: ` +
                  'set VAULT_CACERT to its CA file'
              : `Vault at ${where} could not be reached (${code}) reading ${shown}`,
          ),
        );
      });
      req.end();
    });
  return ok({ address: where, get });
}

async function answer(
  res: IncomingMessage,
  path: string,
  where: string,
): Promise<Result<Record<string, unknown> | null>> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += chunk as string;
  const status = res.statusCode ?? 0;
  if (status === 404) return ok(null);
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    return fail(`Vault at ${where} answered ${path} with ${status} and a body that is not JSON`);
  }
  if (status === 403) {
    return fail(
      `Vault at ${where} refused ${path} (403): the token needs list and read on sys/policies/acl, ` +
        'read on sys/auth, and list and read on auth/<mount>/role',
    );
  }
  if (status >= 400) return fail(`Vault at ${where} answered ${path} with ${status}: ${errorsOf(body)}`);
  return ok(typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
}

/** Vault's `errors` list only: the rest of an error body is not for printing. */
function errorsOf(body: unknown): string {
  const errors = typeof body === 'object' && body !== null && 'errors' in body ? body.errors : null;
  return Array.isArray(errors) ? errors.filter((e) => typeof e === 'string').join('; ') : 'no error message';
}

function dataOf(body: Record<string, unknown> | null): Record<string, unknown> | null {
  const data = body?.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

function keysOf(body: Record<string, unknown> | null): string[] {
  const keys = dataOf(body)?.keys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

async function inBatches<T, R>(items: readonly T[], call: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL)
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(call))));
  return out;
}
