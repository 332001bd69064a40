// The GitHub client against a loopback server with scripted answers, including hostile ones: silent,
// slow, redirecting off-host, wrong shapes, huge bodies, rate limits in every form, echoing the
// token. Sleeps are recorded (and advance a fake clock), never taken; timeouts are a few ms against
// a server that holds its answer until the test releases it, so no assertion depends on timing.
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT, COMMENTS, ISSUES, USER } from '../../src/features/github/shapes.js';
import { GitHubClient, retryAfter, withoutToken, type GitHubOptions, type Shape } from '../../src/io/github.js';
import { Loopback, listen, shut } from '../github/loopback.js';

const gh = new Loopback();
/** Another origin: whatever reaches it went off-host. */
const elsewhere = new Loopback();
beforeAll(async () => {
  await gh.start();
  await elsewhere.start();
});
afterEach(() => {
  gh.release();
  elsewhere.release();
});
afterAll(async () => {
  await shut(gh.server);
  await shut(elsewhere.server);
});

const T0 = 1_700_000_000_000;
const TOKEN = 'ghp_S3cr3tT0k3nS3cr3tT0k3nS3cr3tT0k3n01';
const ANY: Shape<unknown> = { what: 'anything', check: () => null };

/** A client whose sleeps advance a fake clock (the deadline's and the rate limits') and are recorded. */
function client(extra: Partial<GitHubOptions> = {}): GitHubClient {
  let t = T0;
  return new GitHubClient({
    baseUrl: gh.url,
    token: TOKEN,
    random: () => 0,
    now: () => t,
    sleep: async (ms) => void (t += ms),
    ...extra,
  });
}

const failure = (r: Awaited<ReturnType<GitHubClient['request']>>) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
};

describe('GitHubClient waits', () => {
  it.each([
    [
      'secondary limit with retry-after in seconds',
      [{ status: 403, body: { message: 'secondary rate limit' }, headers: { 'retry-after': '7' } }],
      [7000],
    ],
    [
      'retry-after as an HTTP date',
      [
        {
          status: 403,
          body: { message: 'secondary rate limit' },
          headers: { 'retry-after': new Date(T0 + 12_000).toUTCString() },
        },
      ],
      [12_000],
    ],
    ['429 with retry-after', [{ status: 429, body: { message: 'too many' }, headers: { 'retry-after': '2' } }], [2000]],
    [
      'primary limit exhausted: until reset + 1 s',
      [
        {
          status: 403,
          body: { message: 'API rate limit exceeded' },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(T0 / 1000 + 30) },
        },
      ],
      [31_000],
    ],
    [
      'secondary limit without retry-after: a minute at least',
      [{ status: 403, body: { message: 'You have exceeded a secondary rate limit' } }],
      [60_000],
    ],
    [
      '5xx: backoff 1 s, 2 s',
      [
        { status: 502, body: {} },
        { status: 503, body: {} },
      ],
      [1000, 2000],
    ],
  ] as const)('%s, then success', async (_l, answers, waits) => {
    gh.script = [...answers];
    const c = client();
    expect(await c.request('GET', '/user', USER)).toEqual({ ok: true, status: 200, value: { login: 'idac-bot' } });
    expect(c.waits).toEqual(waits);
  });

  it('a secondary limit without retry-after backs off exponentially with jitter, not 60/120/180 s', async () => {
    gh.script = Array.from({ length: 3 }, () => ({
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit' },
    }));
    const c = client({ random: () => 0.5, deadlineMs: 3_600_000, maxWaitMs: 600_000 });
    expect((await c.request('GET', '/user', USER)).ok).toBe(true);
    expect(c.waits).toEqual([75_000, 150_000, 300_000]);
  });

  it('a wait that would end past the deadline is not taken: the limit is reported', async () => {
    gh.script = Array.from({ length: 3 }, () => ({
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit' },
    }));
    const c = client({ random: () => 0.5 });
    const r = failure(await c.request('GET', '/user', USER));
    expect(c.waits).toEqual([75_000]);
    expect(r).toMatchObject({ kind: 'rate-limit', status: 403, request: 'GET /user' });
    expect(r.message).toBe(
      'GitHub\'s secondary rate limit stopped GET /user (403 "You have exceeded a secondary rate limit"); ' +
        'waiting 150 s would pass the 90 s deadline (--timeout)',
    );
    expect(gh.seen).toHaveLength(2);
  });

  it('a primary-limit 403 is a rate limit with its reset time, not a permission error', async () => {
    gh.script = [
      {
        status: 403,
        body: { message: 'API rate limit exceeded for installation ID 1.' },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(T0 / 1000 + 3600) },
      },
    ];
    const c = client();
    const r = failure(await c.request('GET', '/user', USER));
    expect(c.waits).toEqual([]);
    expect(r).toMatchObject({ kind: 'rate-limit', status: 403, resetAt: '2023-11-14T23:13:20Z' });
    expect(r.message).toBe(
      'GitHub\'s primary rate limit stopped GET /user (403 "API rate limit exceeded for installation ID ' +
        '1."); it resets at 2023-11-14T23:13:20Z; waiting 3601 s would pass the 90 s deadline (--timeout)',
    );
  });

  it('retry-after as a date past the deadline is reported with that time', async () => {
    gh.script = [
      { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': new Date(T0 + 600_000).toUTCString() } },
    ];
    const r = failure(await client().request('GET', '/user', USER));
    expect(r).toMatchObject({ kind: 'rate-limit', resetAt: '2023-11-14T22:23:20Z' });
  });

  it.each([401, 404, 422])('%i is not retried', async (status) => {
    gh.script = [{ status, body: { message: 'nope' } }];
    const c = client();
    expect(await c.request('GET', '/user', USER)).toEqual({
      ok: false,
      kind: 'status',
      status,
      message: 'nope',
      request: 'GET /user',
    });
    expect(c.waits).toEqual([]);
  });

  it('a 403 that is not a rate limit is not retried', async () => {
    gh.script = [{ status: 403, body: { message: 'Resource not accessible by integration' } }];
    const c = client();
    expect(await c.request('GET', '/user', USER)).toEqual({
      ok: false,
      kind: 'status',
      status: 403,
      message: 'Resource not accessible by integration',
      request: 'GET /user',
    });
    expect(c.waits).toEqual([]);
  });

  it('gives up after the retries, and will not wait longer than maxWaitMs', async () => {
    gh.script = Array.from({ length: 5 }, () => ({ status: 502, body: { message: 'bad gateway' } }));
    const c = client({ retries: 2 });
    expect(failure(await c.request('GET', '/user', USER))).toMatchObject({
      kind: 'status',
      status: 502,
      message: 'bad gateway',
    });
    expect(c.waits).toEqual([1000, 2000]);
    gh.script = [{ status: 403, body: { message: 'secondary rate limit' }, headers: { 'retry-after': '3600' } }];
    const d = client({ maxWaitMs: 60_000, deadlineMs: 86_400_000 });
    expect(failure(await d.request('GET', '/user', USER)).message).toBe(
      'GitHub\'s secondary rate limit stopped GET /user (403 "secondary rate limit"); it resets at ' +
        '2023-11-14T23:13:20Z; not waiting 3600 s',
    );
  });

  it('an unreachable server is an error value', async () => {
    const c = new GitHubClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, sleep: async () => {}, retries: 1 });
    const r = failure(await c.request('GET', '/user', USER));
    expect(r.kind).toBe('network');
    expect(r.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:1 for GET \/user: /);
  });
});

describe('GitHubClient never hangs', () => {
  it('a silent server: each GET attempt times out, retried within bounds, then reported', async () => {
    gh.script = ['silent', 'silent', 'silent', 'silent'];
    const c = client({ requestTimeoutMs: 20 });
    const r = failure(await c.request('GET', '/repos/acme/identities/issues?state=open', ISSUES));
    expect(r).toMatchObject({
      kind: 'timeout',
      status: 0,
      message: 'GitHub did not answer GET /repos/acme/identities/issues?state=open within 1 s',
    });
    expect(c.waits).toEqual([1000, 2000, 4000]);
    expect(gh.seen).toHaveLength(4);
  });

  it('a POST that timed out is not sent again (it may have been written)', async () => {
    gh.script = ['silent', 'silent'];
    const c = client({ requestTimeoutMs: 20 });
    const r = failure(await c.request('POST', '/repos/acme/identities/issues/7/comments', COMMENT, { body: 'x' }));
    expect(r).toMatchObject({ kind: 'timeout', maybeWritten: true });
    expect(r.message).toContain('(it may have been written all the same)');
    expect(gh.seen).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])(
    'a POST answered %i is not sent again; a gateway error may have written it',
    async (status) => {
      gh.script = [
        { status, body: { message: 'oops' } },
        { status: 201, body: { id: 1, html_url: 'x', user: { login: 'idac-bot' }, body: 'x' } },
      ];
      const c = client();
      const r = failure(await c.request('POST', '/repos/acme/identities/issues/7/comments', COMMENT, { body: 'x' }));
      expect(r).toMatchObject({ kind: 'status', status, message: 'oops' });
      expect(r.maybeWritten).toBe(status === 500 ? undefined : true);
      expect(gh.seen.map((s) => s.method)).toEqual(['POST']);
      expect(c.waits).toEqual([]);
    },
  );

  it('a PATCH answered 502 is retried (it is idempotent); one that keeps failing may have been written', async () => {
    gh.script = [
      { status: 502, body: {} },
      { status: 502, body: {} },
      { status: 502, body: {} },
      { status: 502, body: {} },
    ];
    const c = client();
    const r = failure(await c.request('PATCH', '/repos/acme/identities/issues/comments/5', ANY, { body: 'x' }));
    expect(r).toMatchObject({ kind: 'status', status: 502, maybeWritten: true });
    expect(gh.seen).toHaveLength(4);
  });

  it('a connection dropped after a POST was sent: not sent again; a GET is retried', async () => {
    gh.script = ['hang-up', 'hang-up'];
    const r = failure(await client().request('POST', '/repos/acme/identities/issues', COMMENT, { title: 't' }));
    expect(r.kind).toBe('network');
    expect(r.message).toMatch(
      new RegExp(
        String.raw`^cannot reach http:\/\/127\.0\.0\.1:\d+ for POST \/repos\/acme\/identities\/issues: .+ \(it ` +
          String.raw`may have been written all the same\)$`,
      ),
    );
    expect(gh.seen).toHaveLength(1);
    gh.script = ['hang-up'];
    expect((await client().request('GET', '/user', USER)).ok).toBe(true);
    expect(gh.seen).toHaveLength(3);
  });

  it('a POST to a server that refuses connections is retried (it never arrived)', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await shut(closed);
    const c = new GitHubClient({ baseUrl: url, token: TOKEN, sleep: async () => {}, random: () => 0 });
    expect(failure(await c.request('POST', '/x', COMMENT, {})).message).not.toContain('may have been written');
    expect(c.waits).toEqual([1000, 2000, 4000]);
  });

  it('a slow server (headers, then a body that never ends) times out as well', async () => {
    gh.script = ['stalled-body'];
    const r = failure(await client({ requestTimeoutMs: 20, retries: 0 }).request('GET', '/user', USER));
    expect(r.kind).toBe('timeout');
  });

  it('the deadline cuts a request short and says what it was waiting for', async () => {
    gh.script = ['silent'];
    const c = new GitHubClient({ baseUrl: gh.url, token: TOKEN, deadlineMs: 30, sleep: async () => {} });
    const r = failure(await c.request('PATCH', '/repos/acme/identities/issues/comments/5', COMMENT, { body: 'x' }));
    expect(r).toMatchObject({
      kind: 'deadline',
      status: 0,
      request: 'PATCH /repos/acme/identities/issues/comments/5',
      maybeWritten: true,
    });
    expect(r.message).toBe(
      'no answer from GitHub within the 1 s deadline (--timeout): was waiting for PATCH ' +
        '/repos/acme/identities/issues/comments/5',
    );
    expect(r.message).not.toContain(TOKEN);
  });

  it('no request is sent once the deadline has passed', async () => {
    let t = T0;
    const c = new GitHubClient({
      baseUrl: gh.url,
      token: TOKEN,
      deadlineMs: 1000,
      now: () => t,
      sleep: async () => {},
    });
    t += 1000;
    expect(failure(await c.request('GET', '/user', USER)).kind).toBe('deadline');
    expect(gh.seen).toEqual([]);
  });
});

describe('GitHubClient never trusts the server', () => {
  it.each(['GET', 'POST', 'PATCH'] as const)(
    '%s: a redirect to another host is refused; nothing (no token, no body) goes there',
    async (method) => {
      gh.script = [{ status: method === 'GET' ? 302 : 307, headers: { location: `${elsewhere.url}/steal` } }];
      const r = failure(
        await client().request(method, '/user', ANY, method === 'GET' ? undefined : { body: 'secret plan' }),
      );
      expect(r.kind).toBe('redirect');
      expect(r.message).toBe(
        `GitHub redirected ${method} /user (${method === 'GET' ? 302 : 307}) to another host ` +
          `(${elsewhere.url}): not followed, idac sends its token${method === 'GET' ? '' : ' and data'} only ` +
          `to ${gh.url}`,
      );
      expect(elsewhere.seen).toEqual([]);
    },
  );

  it('a GET redirected on the same origin is followed (a renamed repository)', async () => {
    gh.script = [
      { status: 301, headers: { location: '/repositories/42/issues' } },
      { status: 200, body: [] },
    ];
    expect(await client().request('GET', '/repos/acme/identities/issues', ISSUES)).toEqual({
      ok: true,
      status: 200,
      value: [],
    });
    expect(gh.seen.map((s) => s.path)).toEqual(['/repos/acme/identities/issues', '/repositories/42/issues']);
  });

  it('a write redirected on the same origin is not followed either', async () => {
    gh.script = [{ status: 307, headers: { location: '/repositories/42/issues' } }];
    const r = failure(await client().request('POST', '/repos/acme/identities/issues', ANY, { title: 't' }));
    expect(r.message).toBe(
      'GitHub redirected POST /repos/acme/identities/issues (307) to /repositories/42/issues: not followed, ' +
        'idac does not follow a redirected write',
    );
    expect(gh.seen).toHaveLength(1);
  });

  it('a redirect loop ends', async () => {
    gh.script = Array.from({ length: 5 }, () => ({ status: 302, headers: { location: '/user' } }));
    expect(failure(await client().request('GET', '/user', USER)).message).toContain('more than 3 redirects');
  });

  it.each([
    [
      '/user without a login',
      USER,
      { name: 'x' },
      "GitHub's answer to GET /x (200) is not a user: the answer.login is not a string",
    ],
    [
      'a comment list that is an object',
      COMMENTS,
      { comments: [] },
      "GitHub's answer to GET /x (200) is not a list of comments: the answer is not a list",
    ],
    [
      'a comment whose id is a string',
      COMMENTS,
      [{ id: 1, body: 'ok' }, { id: '2' }],
      "GitHub's answer to GET /x (200) is not a list of comments: the answer[1].id is not a positive whole number",
    ],
    [
      'a comment whose user is a string',
      COMMENTS,
      [{ id: 1, user: 'mallory' }],
      "GitHub's answer to GET /x (200) is not a list of comments: the answer[0].user is not an object",
    ],
    [
      'a page longer than asked for',
      COMMENTS,
      Array.from({ length: 101 }, (_, i) => ({ id: i + 1 })),
      "GitHub's answer to GET /x (200) is not a list of comments: the answer has 101 entries, more than the " +
        '100 asked for',
    ],
    [
      'an issue list holding null',
      ISSUES,
      [null],
      "GitHub's answer to GET /x (200) is not a list of issues: the answer[0] is not an object",
    ],
    [
      'an empty body where a comment is expected',
      COMMENT,
      undefined,
      "GitHub's answer to GET /x (200) is not a comment: the answer is not an object",
    ],
  ] as const)('a wrong shape is a malformed answer: %s', async (_l, shape, body, message) => {
    gh.script = [{ status: 200, body }];
    expect(failure(await client().request('GET', '/x', shape as Shape<unknown>))).toMatchObject({
      kind: 'malformed',
      message,
    });
  });

  it.each([
    [
      'HTML from a proxy',
      '<html>\u001b[31mlogin</html>',
      "GitHub's answer to GET /user (200) is not JSON: <html>\\u001b[31mlogin</html>",
    ],
    [
      'bytes that are not UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      "GitHub's answer to GET /user is not UTF-8 text",
    ],
  ])('a body that is not JSON: %s', async (_l, raw, message) => {
    gh.script = [{ status: 200, raw }];
    expect(failure(await client().request('GET', '/user', USER))).toMatchObject({ kind: 'malformed', message });
  });

  it('a huge body is not read past the cap', async () => {
    gh.script = [{ huge: 8 * 1024 * 1024 }];
    const r = failure(await client({ maxBodyBytes: 256 * 1024 }).request('GET', '/user', USER));
    expect(r).toMatchObject({
      kind: 'too-large',
      message: "GitHub's answer to GET /user is larger than 256 KiB: not read",
    });
  });

  it('a declared content-length over the cap is refused before reading', async () => {
    gh.script = [{ status: 200, raw: 'x'.repeat(2048) }];
    expect(failure(await client({ maxBodyBytes: 1024 }).request('GET', '/user', USER)).kind).toBe('too-large');
  });

  it('the token echoed in an error message is withheld, whole or in part; the message is cut and escaped', async () => {
    gh.script = [
      {
        status: 401,
        body: {
          message:
            `Bad credentials for ${TOKEN} (prefix ${TOKEN.slice(0, 14)}…)\u001b]0;pwned\u0007\u202e` + 'x'.repeat(1000),
        },
      },
    ];
    const r = failure(await client().request('GET', '/user', USER));
    expect(r.kind).toBe('status');
    expect(
      r.message.startsWith(
        'Bad credentials for [token withheld] (prefix [token withheld]…)\\u001b]0;pwned\\u0007\\u202exxx',
      ),
    ).toBe(true);
    expect(r.message.length).toBeLessThan(400);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(r.message).not.toContain(TOKEN.slice(i, i + 8));
    expect(r.message).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('the token in a redirect target or a not-JSON body is withheld too', async () => {
    gh.script = [{ status: 302, headers: { location: `http://${TOKEN}.evil.example/` } }];
    const r = failure(await client().request('GET', '/user', USER));
    expect(r.message).toContain('another host (http://[token withheld].evil.example)');
    gh.script = [{ status: 200, raw: `<p>${TOKEN}</p>` }];
    expect(failure(await client().request('GET', '/user', USER)).message).toBe(
      "GitHub's answer to GET /user (200) is not JSON: <p>[token withheld]</p>",
    );
  });
});

describe('helpers', () => {
  it('retryAfter: seconds, an HTTP date (past dates are 0), anything else null', () => {
    expect(retryAfter('30', T0)).toBe(30_000);
    expect(retryAfter(' 0 ', T0)).toBe(0);
    expect(retryAfter('Tue, 14 Nov 2023 22:13:21 GMT', T0)).toBe(1_000);
    expect(retryAfter('Mon, 13 Nov 2023 00:00:00 GMT', T0)).toBe(0);
    expect(retryAfter(null, T0)).toBeNull();
    expect(retryAfter('-5', T0)).toBeNull();
    expect(retryAfter('soon', T0)).toBeNull();
    expect(retryAfter('2023-11-14', T0)).toBeNull();
  });

  it('withoutToken: the whole token and runs of it of at least the given length', () => {
    expect(withoutToken('a abcdefghij b', 'abcdefghij', 10)).toBe('a [token withheld] b');
    expect(withoutToken('x cdefgh y abc', 'abcdefghij', 5)).toBe('x [token withheld] y abc');
    expect(withoutToken('nothing here', 'abcdefghij', 5)).toBe('nothing here');
  });
});
