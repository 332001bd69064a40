// A loopback GitHub that accepts whatever idac sends (the plan comment, the audit issue) and keeps
// every request body, for the tests that grep what leaves for a secret.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptingGitHub {
  server: Server;
  url: string;
  /** `METHOD /path: body` of every request that had a body. */
  bodies: string[];
}

export async function acceptingGitHub(): Promise<AcceptingGitHub> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (body) bodies.push(`${req.method} ${req.url}: ${body}`);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/user') return send(200, { login: 'idac-bot' });
      if (req.method === 'GET') return send(200, []);
      if (req.method === 'POST' && path.endsWith('/comments'))
        return send(201, { id: 1, body: '', user: { login: 'idac-bot' }, html_url: 'https://github.example/c/1' });
      if (req.method === 'POST')
        return send(201, {
          number: 1,
          title: '',
          body: '',
          state: 'open',
          user: { login: 'idac-bot' },
          html_url: 'https://github.example/i/1',
        });
      return send(200, {});
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}
