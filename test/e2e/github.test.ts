// idac github comment against a real HTTP server on loopback that speaks the GitHub REST shapes it
// uses: GET /user, list issue comments (paged), create, update; 401; 403 secondary rate limit with
// retry-after. The built CLI runs as a child process, as in a workflow.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Loopback, listen, shut } from '../github/loopback.js';
import { idacAsync as run, root, STACK_TRACE, type CliResult } from './cli.js';

const MARKER = '<!-- idac-plan -->';

interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

interface Issue {
  number: number;
  title: string;
  body: string;
  state: string;
  user: { login: string };
  html_url: string;
  pull_request?: object;
}

class FakeGitHub {
  comments: Comment[] = [];
  issues: Issue[] = [];
  log: string[] = [];
  /** token → login; 'INTEGRATION' answers /user with 403 like the Actions token. */
  tokens = new Map<string, string>([
    ['user-token', 'idac-bot'],
    ['actions-token', 'INTEGRATION'],
  ]);
  /** Requests (method path-prefix) to answer with a secondary rate limit, once each. */
  limited = new Set<string>();
  private nextId = 1000;
  server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = await listen(this.server);
  }

  reset(): void {
    this.comments = [];
    this.issues = [];
    this.log = [];
    this.limited.clear();
    this.nextId = 1000;
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const key = `${req.method} ${url.pathname}`;
    this.log.push(`${key}${url.search}`);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const login = this.tokens.get(token);
    if (!login) {
      this.send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    for (const l of this.limited) {
      if (key.startsWith(l)) {
        this.limited.delete(l);
        this.send(
          res,
          403,
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
          { 'retry-after': '1' },
        );
        return;
      }
    }
    const actor = login === 'INTEGRATION' ? 'github-actions[bot]' : login;
    if (key === 'GET /user') {
      if (login === 'INTEGRATION') this.send(res, 403, { message: 'Resource not accessible by integration' });
      else this.send(res, 200, { login });
      return;
    }
    let m = /^(GET|POST) \/repos\/acme\/identities\/issues\/(\d+)\/comments$/.exec(key);
    if (m && m[2] === '7') {
      if (m[1] === 'GET') {
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        this.send(res, 200, this.comments.slice((page - 1) * per, page * per));
        return;
      }
      const body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }).body;
      const c: Comment = {
        id: this.nextId++,
        body,
        user: { login: actor },
        html_url: `https://github.example/acme/identities/pull/7#issuecomment-${this.nextId - 1}`,
      };
      this.comments.push(c);
      this.send(res, 201, c);
      return;
    }
    if (key === 'GET /repos/acme/identities/issues') {
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      this.send(
        res,
        200,
        this.issues.filter((i) => i.state === url.searchParams.get('state')).slice((page - 1) * per, page * per),
      );
      return;
    }
    if (key === 'POST /repos/acme/identities/issues') {
      const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { title: string; body: string };
      const issue: Issue = {
        number: this.issues.length + 1,
        title: b.title,
        body: b.body,
        state: 'open',
        user: { login: actor },
        html_url: `https://github.example/acme/identities/issues/${this.issues.length + 1}`,
      };
      this.issues.push(issue);
      this.send(res, 201, issue);
      return;
    }
    m = /^PATCH \/repos\/acme\/identities\/issues\/(\d+)$/.exec(key);
    if (m) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) {
        this.send(res, 404, { message: 'Not Found' });
        return;
      }
      Object.assign(issue, JSON.parse(Buffer.concat(chunks).toString('utf8')) as object);
      this.send(res, 200, issue);
      return;
    }
    m = /^PATCH \/repos\/acme\/identities\/issues\/comments\/(\d+)$/.exec(key);
    if (m) {
      const c = this.comments.find((x) => x.id === Number(m[1]));
      if (!c) {
        this.send(res, 404, { message: 'Not Found' });
        return;
      }
      if (c.user.login !== actor) {
        this.send(res, 403, { message: 'You cannot edit this comment' });
        return;
      }
      c.body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }).body;
      this.send(res, 200, c);
      return;
    }
    this.send(res, 404, { message: 'Not Found' });
  }
}

const gh = new FakeGitHub();
beforeAll(() => gh.start());
afterAll(() => new Promise<void>((r) => gh.server.close(() => r())));
beforeEach(() => gh.reset());

const work = mkdtempSync(join(tmpdir(), 'idac-gh-'));
const event = join(work, 'event.json');
writeFileSync(
  event,
  JSON.stringify({
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, title: '$(curl evil) `rm -rf` ${{ secrets.X }}' },
  }),
);
function planFile(text: string): string {
  const f = join(work, `plan-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(f, text);
  return f;
}

/** The CLI without blocking this process's event loop (the server lives here). */
function idacAsync(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return run(args, { env });
}

const envFor = (token: string) => ({
  GITHUB_TOKEN: token,
  GITHUB_REPOSITORY: 'acme/identities',
  GITHUB_EVENT_PATH: event,
  GITHUB_API_URL: gh.url,
});

describe('idac github comment', () => {
  it('creates the comment on the first run and updates the same one on the second', async () => {
    const first = await idacAsync(
      ['github', 'comment', '--plan', planFile(`${MARKER}\n## Plan v1\n`)],
      envFor('user-token'),
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      'created the plan comment on acme/identities#7: https://github.example/acme/identities/pull/7#issuecom' +
        'ment-1000\n',
    );
    expect(gh.comments).toEqual([
      { id: 1000, body: `${MARKER}\n## Plan v1\n`, user: { login: 'idac-bot' }, html_url: expect.any(String) },
    ]);

    const second = await idacAsync(
      ['github', 'comment', '--plan', planFile(`${MARKER}\n## Plan v2\n`)],
      envFor('user-token'),
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('updated the plan comment on acme/identities#7');
    expect(gh.comments.map((c) => [c.id, c.body])).toEqual([[1000, `${MARKER}\n## Plan v2\n`]]);
    expect(gh.log.filter((l) => !l.startsWith('GET'))).toEqual([
      'POST /repos/acme/identities/issues/7/comments',
      'PATCH /repos/acme/identities/issues/comments/1000',
    ]);
  });

  it("never touches another user's comment carrying the same marker", async () => {
    gh.comments.push({
      id: 1,
      body: `${MARKER}\nfake plan: all good, approve!`,
      user: { login: 'mallory' },
      html_url: 'x',
    });
    const r = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nreal\n`)], envFor('user-token'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('created the plan comment');
    expect(r.stdout).toContain('left 1 comment with the same marker by other users untouched');
    expect(gh.comments.map((c) => [c.id, c.user.login, c.body])).toEqual([
      [1, 'mallory', `${MARKER}\nfake plan: all good, approve!`],
      [1000, 'idac-bot', `${MARKER}\nreal\n`],
    ]);
    expect(gh.log.some((l) => l.startsWith('PATCH /repos/acme/identities/issues/comments/1'))).toBe(false);
  });

  it('finds its comment on a later page', async () => {
    for (let i = 0; i < 150; i++)
      gh.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'someone' }, html_url: 'x' });
    gh.comments.push({ id: 500, body: `${MARKER}\nold`, user: { login: 'idac-bot' }, html_url: 'x' });
    const r = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nnew`)], envFor('user-token'));
    expect(r.code, r.stderr).toBe(0);
    expect(gh.log).toContain('GET /repos/acme/identities/issues/7/comments?per_page=100&page=2');
    expect(gh.comments.find((c) => c.id === 500)!.body).toBe(`${MARKER}\nnew`);
    expect(gh.comments).toHaveLength(151);
  });

  it('waits out a secondary rate limit (retry-after) and then succeeds', async () => {
    gh.limited.add('POST /repos/acme/identities/issues/7/comments');
    const r = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nx`)], envFor('user-token'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('created the plan comment');
    expect(r.stdout).toContain('retried 1 time against GitHub (1 for its rate limits), waiting 1 s in all');
    expect(gh.log.filter((l) => l.startsWith('POST'))).toHaveLength(2);
    expect(gh.comments).toHaveLength(1);
  });

  it('with the Actions token (no /user): comments as github-actions[bot] and updates only that one', async () => {
    gh.comments.push({ id: 1, body: `${MARKER}\nby a person`, user: { login: 'idac-bot' }, html_url: 'x' });
    const first = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nv1`)], envFor('actions-token'));
    expect(first.code, first.stderr).toBe(0);
    const second = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nv2`)], envFor('actions-token'));
    expect(second.code, second.stderr).toBe(0);
    expect(gh.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['idac-bot', `${MARKER}\nby a person`],
      ['github-actions[bot]', `${MARKER}\nv2`],
    ]);
  });

  it('adds the marker when the file lacks it, and takes --pr over the event', async () => {
    const r = await idacAsync(['github', 'comment', '--plan', planFile('## hand-written\n'), '--pr', '7'], {
      ...envFor('user-token'),
      GITHUB_EVENT_PATH: undefined,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments[0]!.body).toBe(`${MARKER}\n## hand-written\n`);
  });

  it('401: exit 2 with a clear message; nothing written; the token never echoed', async () => {
    const r = await idacAsync(
      ['github', 'comment', '--plan', planFile(`${MARKER}\nx`)],
      envFor('ghp_wrongwrongwrongwrongwrongwrongwrong1'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: GitHub rejected the token (401 "Bad credentials"): GITHUB_TOKEN is wrong or expired. No ' +
        'comment was written.\n',
    );
    expect(r.stdout).toBe('');
    expect(r.stderr + r.stdout).not.toContain('ghp_wrong');
    expect(gh.comments).toEqual([]);
  });

  it.each([
    [
      { GITHUB_TOKEN: undefined },
      'idac: GITHUB_TOKEN is not set: in a workflow, pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step\n',
    ],
    [{ GITHUB_REPOSITORY: 'not a repo' }, 'idac: GITHUB_REPOSITORY must be owner/repo, not "not a repo"\n'],
    [
      { GITHUB_EVENT_PATH: undefined },
      'idac: no pull request number: pass --pr N, or run in a pull_request workflow (GITHUB_EVENT_PATH)\n',
    ],
    [
      { GITHUB_API_URL: 'file:///etc' },
      'idac: GITHUB_API_URL must be an http(s) URL such as https://api.github.com, not "file:///etc"\n',
    ],
  ])('usage errors exit 2 before any request: %j', async (patch, message) => {
    const r = await idacAsync(['github', 'comment', '--plan', planFile('x')], { ...envFor('user-token'), ...patch });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(gh.log).toEqual([]);
  });

  it('a push event names no pull request: exit 2', async () => {
    const push = join(work, 'push.json');
    writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main', head_commit: { message: 'x' } }));
    const r = await idacAsync(['github', 'comment', '--plan', planFile('x')], {
      ...envFor('user-token'),
      GITHUB_EVENT_PATH: push,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('idac: the event payload names no pull request (run on pull_request, or pass --pr N)\n');
  });
});

describe('idac github audit', () => {
  const acme = join(root, 'examples/acme');
  const audit = (now: string, token = 'actions-token') =>
    idacAsync(['github', 'audit', '--dir', acme, '--now', now], envFor(token));

  it('opens one issue, updates it the next night, closes it when nothing is left', async () => {
    const first = await audit('2027-01-15');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('audit issue created: acme/identities#1; 3 items\n');
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({
      title: 'idac audit: identities that need their owners',
      state: 'open',
      user: { login: 'github-actions[bot]' },
    });
    expect(gh.issues[0]!.body).toContain('<!-- idac-audit -->');
    // Mentions only from org.yaml: frank has a login, the team a handle; ivan has none.
    expect(gh.issues[0]!.body).toContain('owner @frank-platform, successor `grace@acme.example`, team @acme/platform');
    expect(gh.issues[0]!.body).toContain('owner `ivan@acme.example`');

    const second = await audit('2027-01-20');
    expect(second.stdout).toMatch(/^audit issue updated: acme\/identities#1; \d+ items\n$/);
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.body).toContain('Audit of 2027-01-20');

    const third = await audit('2026-11-23');
    expect(third.stdout).toBe('audit issue closed (nothing left): acme/identities#1; 0 items\n');
    expect(gh.issues[0]!.state).toBe('closed');
    const fourth = await audit('2026-11-23');
    expect(fourth.stdout).toBe('audit issue not needed (nothing to report); 0 items\n');
    expect(gh.issues).toHaveLength(1);
  });

  it('--drift: a Drift section from idac drift --format json keeps the issue open while anything drifted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idac-audit-drift-'));
    const drifted = join(dir, 'drift.json');
    const clean = join(dir, 'clean.json');
    writeFileSync(
      drifted,
      JSON.stringify({
        orphans: [{ target: 'aws', id: 'arn:aws:iam::123456789012:role/shadow', name: 'shadow @admin' }],
        unmanagedKeys: [],
        changed: [],
        missing: [],
      }),
    );
    writeFileSync(clean, JSON.stringify({ orphans: [], unmanagedKeys: [], changed: [], missing: [] }));
    const withDrift = (file: string) =>
      idacAsync(['github', 'audit', '--dir', acme, '--now', '2026-11-23', '--drift', file], envFor('actions-token'));
    const first = await withDrift(drifted);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      'audit issue created: acme/identities#1; 0 items; drift: 1 orphan, 0 unmanaged access keys, 0 changed, ' +
        '0 missing\n',
    );
    expect(gh.issues[0]!.body).toContain('No identity needs attention.\n\n## Drift\n');
    // The live name is untrusted: in a code span, never a mention.
    expect(gh.issues[0]!.body).toContain('- aws `arn:aws:iam::123456789012:role/shadow` (`shadow @admin`)');
    const second = await withDrift(clean);
    expect(second.stdout).toMatch(
      /^audit issue closed \(nothing left\): acme\/identities#1; 0 items; drift: 0 orphans/,
    );
  });

  it('--drift refuses what is not a drift report (exit 2) or holds a secret (exit 1), writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idac-audit-drift-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ orphans: [{ target: 'aws', id: 1 }], unmanagedKeys: [], changed: [], missing: [] }),
    );
    const secret = join(dir, 'secret.json');
    const token = `ghp_${'A1b2C3d4E5f6G7h8I9j0'.repeat(2).slice(0, 36)}`;
    writeFileSync(
      secret,
      JSON.stringify({
        orphans: [{ target: 'aws', id: 'x', name: token }],
        unmanagedKeys: [],
        changed: [],
        missing: [],
      }),
    );
    const r = await idacAsync(['github', 'audit', '--dir', acme, '--drift', bad], envFor('actions-token'));
    expect([r.code, r.stderr]).toEqual([2, `idac: ${bad}: orphans[0].id is not a string\n`]);
    const s = await idacAsync(['github', 'audit', '--dir', acme, '--drift', secret], envFor('actions-token'));
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/holds a secret/);
    expect(s.stderr).not.toContain(token);
    expect(gh.issues).toEqual([]);
  });

  it('leaves an issue by someone else with the marker alone, and skips pull requests', async () => {
    gh.issues.push({
      number: 1,
      title: 'spoof',
      body: '<!-- idac-audit -->\nall fine',
      state: 'open',
      user: { login: 'mallory' },
      html_url: 'x',
    });
    gh.issues.push({
      number: 2,
      title: 'pr',
      body: '<!-- idac-audit -->',
      state: 'open',
      user: { login: 'github-actions[bot]' },
      html_url: 'x',
      pull_request: {},
    });
    const r = await audit('2027-01-15');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('audit issue created: acme/identities#3; 3 items\n');
    expect(gh.issues.map((i) => [i.number, i.body.includes('Audit of')])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('--dry-run prints the body and makes no request', async () => {
    const r = await idacAsync(['github', 'audit', '--dir', acme, '--now', '2027-01-15', '--dry-run'], {
      GITHUB_TOKEN: undefined,
      GITHUB_API_URL: gh.url,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!-- idac-audit -->\nAudit of 2027-01-15')).toBe(true);
    expect(gh.log).toEqual([]);
  });

  it('401: exit 2, nothing written', async () => {
    const r = await audit('2027-01-15', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: GitHub rejected the token (401 "Bad credentials"): GITHUB_TOKEN is wrong or expired. No issue ' +
        'was written.\n',
    );
    expect(gh.issues).toEqual([]);
  });
});

describe('a hostile or broken GitHub: exit 2 with what happened, never a hang, a leak or an internal error', () => {
  const hostile = new Loopback();
  const elsewhere = new Loopback();
  beforeAll(async () => {
    await hostile.start();
    await elsewhere.start();
  });
  afterAll(async () => {
    await shut(hostile.server);
    await shut(elsewhere.server);
  });
  beforeEach(() => {
    hostile.release();
    elsewhere.release();
  });
  const TOKEN = 'ghp_HostileEchoHostileEchoHostileEcho0001';
  const env = () => ({ ...envFor(TOKEN), GITHUB_API_URL: hostile.url });
  const comment = (...extra: string[]) =>
    idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nx`), ...extra], env());
  const clean = (r: CliResult) => {
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toContain('internal error');
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(i, i + 8));
  };

  it('a silent server with --timeout 1: exit 2 saying what it was waiting for', async () => {
    hostile.script = ['silent'];
    const r = await comment('--timeout', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: no answer from GitHub within the 1 s deadline (--timeout): was waiting for GET /user. Raise ' +
        '--timeout SECONDS if GitHub is just slow. No comment was written.\n',
    );
    clean(r);
  });

  it('a GET retried after a 502 is reported as a retry after an error, not a rate limit', async () => {
    hostile.script = [
      { status: 502, body: {} },
      { status: 200, body: [] },
      {
        status: 201,
        body: {
          id: 9,
          html_url: 'https://github.com/acme/identities/pull/7#issuecomment-9',
          user: { login: 'idac-bot' },
          body: 'x',
        },
      },
    ];
    const r = await comment('--author', 'idac-bot');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^retried 1 time against GitHub \(1 after an error or no answer\), waiting [12] s in all$/m,
    );
    expect(r.stdout).not.toContain('rate limit');
    clean(r);
  });

  it.each([502, 504])('a comment POST answered %i is sent once and not claimed unwritten', async (status) => {
    hostile.script = [
      { status: 200, body: [] },
      { status, body: { message: 'gateway' } },
      {
        status: 201,
        body: {
          id: 9,
          html_url: 'https://github.com/acme/identities/pull/7#issuecomment-9',
          user: { login: 'idac-bot' },
          body: 'x',
        },
      },
    ];
    const r = await comment('--author', 'idac-bot');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `idac: GitHub API error ${status} on POST /repos/acme/identities/issues/7/comments: "gateway". Look ` +
        `at the pull request before running again.\n`,
    );
    expect(hostile.seen.map((s) => s.method)).toEqual(['GET', 'POST']);
    clean(r);
  });

  it('a POST left unanswered at the deadline: does not claim nothing was written', async () => {
    hostile.script = [{ status: 200, body: [] }, 'silent'];
    const r = await comment('--author', 'idac-bot', '--timeout', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: no answer from GitHub within the 1 s deadline (--timeout): was waiting for POST ' +
        '/repos/acme/identities/issues/7/comments. Raise --timeout SECONDS if GitHub is just slow. Look at the ' +
        'pull request before running again.\n',
    );
    expect(hostile.seen.map((s) => s.method)).toEqual(['GET', 'POST']);
    clean(r);
  });

  it('github audit too, through a server that stalls mid-answer', async () => {
    hostile.script = ['stalled-body'];
    const r = await idacAsync(
      [
        'github',
        'audit',
        '--dir',
        join(root, 'examples/acme'),
        '--now',
        '2027-01-15',
        '--author',
        'idac-bot',
        '--timeout',
        '1',
      ],
      env(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: no answer from GitHub within the 1 s deadline (--timeout): was waiting for GET ' +
        '/repos/acme/identities/issues?state=open&per_page=100&page=1. Raise --timeout SECONDS if GitHub is ' +
        'just slow. No issue was written.\n',
    );
    clean(r);
  });

  it.each(['0', 'soon', '-1', '86401'])('--timeout %s is a usage error before any request', async (t) => {
    const r = await comment('--timeout', t);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^idac: --timeout must be (a whole number|between 1 and 86400 seconds)/);
    expect(hostile.seen).toEqual([]);
  });

  it('a primary-limit 403 is reported as a rate limit with its reset time, not as a permission problem', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const at = new Date(reset * 1000).toISOString().replace('.000Z', 'Z');
    hostile.script = [
      {
        status: 403,
        body: { message: 'API rate limit exceeded for user ID 1.' },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      },
    ];
    const r = await comment();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^idac: GitHub's primary rate limit stopped GET /user \\(403 "API rate limit exceeded for user ID ` +
          `1\\."\\); it resets at ${at}; waiting \\d+ s would pass the 90 s deadline \\(--timeout\\)\\. Run ` +
          `again after ${at}\\. No comment was written\\.\\n$`,
      ),
    );
    expect(r.stderr).not.toContain('permissions');
    expect(hostile.seen).toHaveLength(1);
    clean(r);
  });

  it('a redirect of the POST to another host: refused, nothing sent there', async () => {
    hostile.script = [
      { status: 200, body: [] },
      { status: 307, headers: { location: `${elsewhere.url}/collect` } },
    ];
    const r = await comment('--author', 'idac-bot');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `idac: GitHub redirected POST /repos/acme/identities/issues/7/comments (307) to another host ` +
        `(${elsewhere.url}): not followed, idac sends its token and data only to ${hostile.url}. Check ` +
        `GITHUB_API_URL. No comment was written.\n`,
    );
    expect(elsewhere.seen).toEqual([]);
    clean(r);
  });

  it.each([
    [
      'the comment list is not a list',
      [{ status: 200, body: { message: 'hi' } }],
      "idac: GitHub's answer to GET /repos/acme/identities/issues/7/comments?per_page=100&page=1 (200) is " +
        'not a list of comments: the answer is not a list. Check GITHUB_API_URL. No comment was written.\n',
    ],
    [
      'the created comment has no id',
      [
        { status: 200, body: [] },
        { status: 201, body: { html_url: 'x' } },
      ],
      "idac: GitHub's answer to POST /repos/acme/identities/issues/7/comments (201) is not a comment: the " +
        'answer.id is not a positive whole number. Check GITHUB_API_URL. No comment was written.\n',
    ],
    [
      'the answer is not JSON',
      [{ status: 200, raw: '<html>maintenance</html>' }],
      "idac: GitHub's answer to GET /repos/acme/identities/issues/7/comments?per_page=100&page=1 (200) is " +
        'not JSON: <html>maintenance</html>. Check GITHUB_API_URL. No comment was written.\n',
    ],
    [
      'a huge answer',
      [{ huge: 6 * 1024 * 1024 }],
      "idac: GitHub's answer to GET /repos/acme/identities/issues/7/comments?per_page=100&page=1 is larger " +
        'than 4096 KiB: not read. Check GITHUB_API_URL. No comment was written.\n',
    ],
  ] as const)('%s: exit 2 with a clear message', async (_l, script, message) => {
    hostile.script = [...script];
    const r = await comment('--author', 'idac-bot');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    clean(r);
  });

  it('the comment URL GitHub answers with is shown redacted and escaped', async () => {
    hostile.script = [
      { status: 200, body: [] },
      { status: 201, body: { id: 9, html_url: `https://x.example/${TOKEN}\u001b[2J\n` } },
    ];
    const r = await comment('--author', 'idac-bot');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'created the plan comment on acme/identities#7: https://x.example/[token withheld]\\u001b[2J\\n\n',
    );
    clean(r);
  });

  it('the token echoed back in an error message never reaches the output', async () => {
    hostile.script = [
      { status: 401, body: { message: `Bad credentials: ${TOKEN} / ${TOKEN.slice(4, 20).toLowerCase()}\u001b[2J` } },
    ];
    const r = await comment();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: GitHub rejected the token (401 "Bad credentials: [token withheld] / [token ' +
        'withheld]\\u001b[2J"): GITHUB_TOKEN is wrong or expired. No comment was written.\n',
    );
    clean(r);
  });
});
