// Real servers the tests run against (scripts/install-peers.sh installs them, pinned, into a cache
// folder keyed by version): where to find them, a free loopback port, starting a process and waiting
// until it answers, and stopping it for sure. A test whose peer is missing skips with the reason.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';

/** The versions scripts/install-peers.sh pins; its cache folders are named after them. */
export const OPENBAO_VERSION = '2.7.2';
export const MOTO_VERSION = '5.2.5';

/** The same cache folder as scripts/install-peers.sh. */
export function peersCache(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  const cache = xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache');
  const own = process.env.IDAC_PEERS_CACHE;
  return own !== undefined && own !== '' ? own : join(cache, 'idac');
}

/** The binary named by `override` (an env var), else `cached` when it exists; null when neither does. */
export function findPeer(override: string, cached: string): string | null {
  const env = process.env[override];
  if (env !== undefined && env !== '') return existsSync(env) ? env : null;
  return existsSync(cached) ? cached : null;
}

/** Skips the test, saying why, when the peer is missing (the reason also goes to the console). */
export function needPeer(ctx: TestContext, bin: string | null, reason: string): string {
  if (bin === null) {
    console.warn(`${ctx.task.file.name} skipped: ${reason}`);
    ctx.skip(reason);
  }
  return bin;
}

/** A TCP port free on 127.0.0.1 a moment ago (the OS picks it, so parallel test files do not collide). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Peer {
  address: string;
  /** Stops the process and waits for its exit; safe to call twice. */
  stop: () => Promise<void>;
}

/**
 * Starts `bin args` and polls `ready(address)` until it answers true, for at most `timeoutMs`. On
 * failure the process is stopped before the error (with the end of its output) is thrown, so a
 * failed start leaves no process behind.
 */
export async function startPeer(
  name: string,
  bin: string,
  args: string[],
  port: number,
  ready: (address: string) => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<Peer> {
  const address = `http://127.0.0.1:${port}`;
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer): void => {
    output = (output + b.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = (): Promise<void> => stopChild(child, exited);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await ready(address).catch(() => false)) return { address, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`${name} did not start on ${address}:\n${output}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killed);
}
