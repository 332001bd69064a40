// idac github comment against a real HTTP server on loopback that speaks the GitHub REST shapes it
// uses: GET /user, list issue comments (paged), create, update; 401; 403 secondary rate limit with
// retry-after. The built CLI runs as a child process, as in a workflow.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliPath, root, runAsync, STACK_TRACE, type CliResult } from './cli.js';

const MARKER = '<!-- idac-plan -->';

interface Comment { id: number; body: string; user: { login: string }; html_url: string }

interface Issue { number: number; title: string; body: string; state: string; user: { login: string }; html_url: string; pull_request?: object }

class FakeGitHub {
  comments: Comment[] = [];
  issues: Issue[] = [];
  log: string[] = [];
  /** token → login; 'INTEGRATION' answers /user with 403 like the Actions token. */
  tokens = new Map<string, string>([['user-token', 'idac-bot'], ['actions-token', 'INTEGRATION']]);
  /** Requests (method path-prefix) to answer with a secondary rate limit, once each. */
  limited = new Set<string>();
  private nextId = 1000;
  server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
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
    if (!login) return this.send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    for (const l of this.limited) {
      if (key.startsWith(l)) {
        this.limited.delete(l);
        return this.send(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' });
      }
    }
    const actor = login === 'INTEGRATION' ? 'github-actions[bot]' : login;
    if (key === 'GET /user') {
      return login === 'INTEGRATION' ? this.send(res, 403, { message: 'Resource not accessible by integration' }) : this.send(res, 200, { login });
    }
    let m = /^(GET|POST) \/repos\/acme\/identities\/issues\/(\d+)\/comments$/.exec(key);
    if (m && m[2] === '7') {
      if (m[1] === 'GET') {
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        return this.send(res, 200, this.comments.slice((page - 1) * per, page * per));
      }
      const body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }).body;
      const c: Comment = { id: this.nextId++, body, user: { login: actor }, html_url: `https://github.example/acme/identities/pull/7#issuecomment-${this.nextId - 1}` };
      this.comments.push(c);
      return this.send(res, 201, c);
    }
    if (key === 'GET /repos/acme/identities/issues') {
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return this.send(res, 200, this.issues.filter((i) => i.state === url.searchParams.get('state')).slice((page - 1) * per, page * per));
    }
    if (key === 'POST /repos/acme/identities/issues') {
      const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { title: string; body: string };
      const issue: Issue = { number: this.issues.length + 1, title: b.title, body: b.body, state: 'open', user: { login: actor }, html_url: `https://github.example/acme/identities/issues/${this.issues.length + 1}` };
      this.issues.push(issue);
      return this.send(res, 201, issue);
    }
    m = /^PATCH \/repos\/acme\/identities\/issues\/(\d+)$/.exec(key);
    if (m) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: 'Not Found' });
      Object.assign(issue, JSON.parse(Buffer.concat(chunks).toString('utf8')) as object);
      return this.send(res, 200, issue);
    }
    m = /^PATCH \/repos\/acme\/identities\/issues\/comments\/(\d+)$/.exec(key);
    if (m) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return this.send(res, 404, { message: 'Not Found' });
      if (c.user.login !== actor) return this.send(res, 403, { message: 'You cannot edit this comment' });
      c.body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }).body;
      return this.send(res, 200, c);
    }
    return this.send(res, 404, { message: 'Not Found' });
  }
}

const gh = new FakeGitHub();
beforeAll(() => gh.start());
afterAll(() => new Promise<void>((r) => gh.server.close(() => r())));
beforeEach(() => gh.reset());

const work = mkdtempSync(join(tmpdir(), 'idac-gh-'));
const event = join(work, 'event.json');
writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, title: '$(curl evil) `rm -rf` ${{ secrets.X }}' } }));
function planFile(text: string): string {
  const f = join(work, `plan-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(f, text);
  return f;
}

/** The CLI without blocking this process's event loop (the server lives here). */
const idacAsync = (args: string[], env: Record<string, string | undefined>): Promise<CliResult> => runAsync(process.execPath, [cliPath, ...args], { cwd: root, env });

const envFor = (token: string) => ({ GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'acme/identities', GITHUB_EVENT_PATH: event, GITHUB_API_URL: gh.url });

describe('idac github comment', () => {
  it('creates the comment on the first run and updates the same one on the second', async () => {
    const first = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\n## Plan v1\n`)], envFor('user-token'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('created the plan comment on acme/identities#7: https://github.example/acme/identities/pull/7#issuecomment-1000\n');
    expect(gh.comments).toEqual([{ id: 1000, body: `${MARKER}\n## Plan v1\n`, user: { login: 'idac-bot' }, html_url: expect.any(String) }]);

    const second = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\n## Plan v2\n`)], envFor('user-token'));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('updated the plan comment on acme/identities#7');
    expect(gh.comments.map((c) => [c.id, c.body])).toEqual([[1000, `${MARKER}\n## Plan v2\n`]]);
    expect(gh.log.filter((l) => !l.startsWith('GET'))).toEqual(['POST /repos/acme/identities/issues/7/comments', 'PATCH /repos/acme/identities/issues/comments/1000']);
  });

  it('never touches another user\'s comment carrying the same marker', async () => {
    gh.comments.push({ id: 1, body: `${MARKER}\nfake plan: all good, approve!`, user: { login: 'mallory' }, html_url: 'x' });
    const r = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nreal\n`)], envFor('user-token'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('created the plan comment');
    expect(r.stdout).toContain('left 1 comment with the same marker by other users untouched');
    expect(gh.comments.map((c) => [c.id, c.user.login, c.body])).toEqual([[1, 'mallory', `${MARKER}\nfake plan: all good, approve!`], [1000, 'idac-bot', `${MARKER}\nreal\n`]]);
    expect(gh.log.some((l) => l.startsWith('PATCH /repos/acme/identities/issues/comments/1'))).toBe(false);
  });

  it('finds its comment on a later page', async () => {
    for (let i = 0; i < 150; i++) gh.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'someone' }, html_url: 'x' });
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
    expect(r.stdout).toContain('waited 1 time for GitHub\'s rate limits (1 s)');
    expect(gh.log.filter((l) => l.startsWith('POST'))).toHaveLength(2);
    expect(gh.comments).toHaveLength(1);
  });

  it('with the Actions token (no /user): comments as github-actions[bot] and updates only that one', async () => {
    gh.comments.push({ id: 1, body: `${MARKER}\nby a person`, user: { login: 'idac-bot' }, html_url: 'x' });
    const first = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nv1`)], envFor('actions-token'));
    expect(first.code, first.stderr).toBe(0);
    const second = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nv2`)], envFor('actions-token'));
    expect(second.code, second.stderr).toBe(0);
    expect(gh.comments.map((c) => [c.user.login, c.body])).toEqual([['idac-bot', `${MARKER}\nby a person`], ['github-actions[bot]', `${MARKER}\nv2`]]);
  });

  it('adds the marker when the file lacks it, and takes --pr over the event', async () => {
    const r = await idacAsync(['github', 'comment', '--plan', planFile('## hand-written\n'), '--pr', '7'], { ...envFor('user-token'), GITHUB_EVENT_PATH: undefined });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments[0]!.body).toBe(`${MARKER}\n## hand-written\n`);
  });

  it('401: exit 2 with a clear message; nothing written; the token never echoed', async () => {
    const r = await idacAsync(['github', 'comment', '--plan', planFile(`${MARKER}\nx`)], envFor('ghp_wrongwrongwrongwrongwrongwrongwrong1'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('idac: GitHub rejected the token (401 "Bad credentials"): GITHUB_TOKEN is wrong or expired. No comment was written.\n');
    expect(r.stdout).toBe('');
    expect(r.stderr + r.stdout).not.toContain('ghp_wrong');
    expect(gh.comments).toEqual([]);
  });

  it.each([
    [{ GITHUB_TOKEN: undefined }, 'idac: GITHUB_TOKEN is not set: in a workflow, pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step\n'],
    [{ GITHUB_REPOSITORY: 'not a repo' }, 'idac: GITHUB_REPOSITORY must be owner/repo, not "not a repo"\n'],
    [{ GITHUB_EVENT_PATH: undefined }, 'idac: no pull request number: pass --pr N, or run in a pull_request workflow (GITHUB_EVENT_PATH)\n'],
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
    const r = await idacAsync(['github', 'comment', '--plan', planFile('x')], { ...envFor('user-token'), GITHUB_EVENT_PATH: push });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('idac: the event payload names no pull request (run on pull_request, or pass --pr N)\n');
  });
});

describe('idac github audit', () => {
  const acme = join(root, 'examples/acme');
  const audit = (now: string, token = 'actions-token') => idacAsync(['github', 'audit', '--dir', acme, '--now', now], envFor(token));

  it('opens one issue, updates it the next night, closes it when nothing is left', async () => {
    const first = await audit('2027-01-15');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('audit issue created: acme/identities#1; 3 items\n');
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ title: 'idac audit: identities that need their owners', state: 'open', user: { login: 'github-actions[bot]' } });
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

  it('leaves an issue by someone else with the marker alone, and skips pull requests', async () => {
    gh.issues.push({ number: 1, title: 'spoof', body: '<!-- idac-audit -->\nall fine', state: 'open', user: { login: 'mallory' }, html_url: 'x' });
    gh.issues.push({ number: 2, title: 'pr', body: '<!-- idac-audit -->', state: 'open', user: { login: 'github-actions[bot]' }, html_url: 'x', pull_request: {} });
    const r = await audit('2027-01-15');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('audit issue created: acme/identities#3; 3 items\n');
    expect(gh.issues.map((i) => [i.number, i.body.includes('Audit of')])).toEqual([[1, false], [2, false], [3, true]]);
  });

  it('--dry-run prints the body and makes no request', async () => {
    const r = await idacAsync(['github', 'audit', '--dir', acme, '--now', '2027-01-15', '--dry-run'], { GITHUB_TOKEN: undefined, GITHUB_API_URL: gh.url });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!-- idac-audit -->\nAudit of 2027-01-15')).toBe(true);
    expect(gh.log).toEqual([]);
  });

  it('401: exit 2, nothing written', async () => {
    const r = await audit('2027-01-15', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('idac: GitHub rejected the token (401 "Bad credentials"): GITHUB_TOKEN is wrong or expired. No issue was written.\n');
    expect(gh.issues).toEqual([]);
  });
});
