// A loopback HTTP server with scripted answers, including hostile ones (silent, stalled, huge), for
// the GitHub client's tests and the CLI's. Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port; resolves to its URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server and any connection still open (a held answer). */
export function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
}

export type Answer =
  | { status: number; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> }
  /** Accept, never answer (until the test ends). */
  | 'silent'
  /** Headers at once, then the body never (until the test ends). */
  | 'stalled-body'
  /** The connection dropped after the request was read, without an answer. */
  | 'hang-up'
  /** `bytes` of body, streamed in 64 KiB chunks, no content-length. */
  | { huge: number };

export interface Seen {
  method: string;
  path: string;
  auth: string;
  body: string;
}

export class Loopback {
  script: Answer[] = [];
  seen: Seen[] = [];
  private held: ServerResponse[] = [];
  server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = await listen(this.server);
  }

  release(): void {
    for (const res of this.held.splice(0)) res.destroy();
    this.script = [];
    this.seen = [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      auth: req.headers.authorization ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const a = this.script.shift() ?? { status: 200, body: { login: 'idac-bot' } };
    if (a === 'silent') return void this.held.push(res);
    if (a === 'hang-up') return void res.socket?.destroy();
    if (a === 'stalled-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"login":');
      return void this.held.push(res);
    }
    if ('huge' in a) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(65_536, 0x20);
      for (let sent = 0; sent < a.huge && !res.destroyed; sent += chunk.length) {
        if (!res.write(chunk)) await drainedOrClosed(res);
      }
      return void res.end();
    }
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
    res.end(a.raw ?? (a.body === undefined ? '' : JSON.stringify(a.body)));
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
