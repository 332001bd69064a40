// The GitHub client's waiting rules, against a loopback server with scripted answers; sleeps are
// recorded, not taken.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../src/io/github.js';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
let script: Answer[] = [];
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_req, res) => {
    const a = script.shift() ?? { status: 200, body: { ok: true } };
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
    res.end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (extra: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}) => new GitHubClient({ baseUrl: url, token: 't', sleep: async () => {}, now: () => 1_700_000_000_000, ...extra });

describe('GitHubClient waits', () => {
  it.each([
    ['secondary limit with retry-after', [{ status: 403, body: { message: 'secondary rate limit' }, headers: { 'retry-after': '7' } }], [7000]],
    ['429 with retry-after', [{ status: 429, body: { message: 'too many' }, headers: { 'retry-after': '2' } }], [2000]],
    ['primary limit exhausted: until reset + 1 s', [{ status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_700_000_030) } }], [31_000]],
    ['secondary limit without retry-after: a minute', [{ status: 403, body: { message: 'You have exceeded a secondary rate limit' } }], [60_000]],
    ['5xx: backoff 1 s, 2 s', [{ status: 502, body: {} }, { status: 503, body: {} }], [1000, 2000]],
  ])('%s, then success', async (_l, answers, waits) => {
    script = [...(answers as Answer[])];
    const c = client();
    const r = await c.request('GET', '/x');
    expect(r).toEqual({ ok: true, status: 200, value: { ok: true } });
    expect(c.waits).toEqual(waits);
  });

  it.each([401, 404, 422])('%i is not retried', async (status) => {
    script = [{ status, body: { message: 'nope' } }];
    const c = client();
    expect(await c.request('GET', '/x')).toEqual({ ok: false, status, message: 'nope' });
    expect(c.waits).toEqual([]);
  });

  it('a 403 that is not a rate limit is not retried', async () => {
    script = [{ status: 403, body: { message: 'Resource not accessible by integration' } }];
    const c = client();
    expect(await c.request('GET', '/x')).toEqual({ ok: false, status: 403, message: 'Resource not accessible by integration' });
    expect(c.waits).toEqual([]);
  });

  it('gives up after the retries, and will not wait longer than maxWaitMs', async () => {
    script = Array.from({ length: 5 }, () => ({ status: 502, body: { message: 'bad gateway' } }));
    const c = client({ retries: 2 });
    expect(await c.request('GET', '/x')).toEqual({ ok: false, status: 502, message: 'bad gateway' });
    expect(c.waits).toEqual([1000, 2000]);
    script = [{ status: 403, body: { message: 'secondary rate limit' }, headers: { 'retry-after': '3600' } }];
    const d = client({ maxWaitMs: 60_000 });
    expect(await d.request('GET', '/x')).toEqual({ ok: false, status: 403, message: 'secondary rate limit (rate limited for 3600 s; not waiting that long)' });
  });

  it('an unreachable server is an error value', async () => {
    const c = new GitHubClient({ baseUrl: 'http://127.0.0.1:1', token: 't', sleep: async () => {}, retries: 1 });
    const r = await c.request('GET', '/x');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:1/);
  });
});
