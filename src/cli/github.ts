// idac github comment --plan plan.md: the plan as one sticky pull-request comment. Everything it
// needs comes from the Actions environment (GITHUB_TOKEN, GITHUB_REPOSITORY, the event payload at
// GITHUB_EVENT_PATH, GITHUB_API_URL) and is used as data — nothing reaches a shell.

import { basename, dirname, resolve } from 'node:path';
import { upsertStickyComment } from '../features/github/sticky-comment.js';
import { FsSource } from '../io/fs-source.js';
import { USER } from '../features/github/shapes.js';
import { GitHubClient, type GitHubFailure } from '../io/github.js';
import { isOversize } from '../io/files.js';
import { COMMENT_LIMIT, PLAN_MARKER } from '../render/plan-markdown.js';
import { fingerprint, secretMatches } from '../rules/secrets.js';
import { common, positiveInt } from './common.js';
import { UsageError } from './errors.js';

const ACTIONS_BOT = 'github-actions[bot]';

async function readFileText(path: string, what: string): Promise<string> {
  const at = new FsSource(dirname(path));
  const entry = await at.stat(basename(path));
  if (!entry) throw new UsageError(`${what} ${path}: no such file`);
  const bytes = await at.read(basename(path), 4 * 1024 * 1024);
  if (isOversize(bytes)) throw new UsageError(`${what} ${path}: unreadable or larger than 4 MiB`);
  return new TextDecoder().decode(bytes);
}

/** The pull request number of the event that started the workflow. */
async function prFromEvent(path: string | undefined): Promise<number> {
  if (!path)
    throw new UsageError('no pull request number: pass --pr N, or run in a pull_request workflow (GITHUB_EVENT_PATH)');
  let event: {
    pull_request?: { number?: unknown };
    issue?: { number?: unknown; pull_request?: unknown };
    number?: unknown;
  };
  try {
    event = JSON.parse(await readFileText(path, 'GITHUB_EVENT_PATH')) as typeof event;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`GITHUB_EVENT_PATH ${path} is not JSON`);
  }
  const n = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined) ?? event.number;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError('the event payload names no pull request (run on pull_request, or pass --pr N)');
  return n;
}

export interface Connection {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** The login the token acts as. */
  author: string;
}

/** The whole command's deadline for GitHub when --timeout is not given. */
const DEFAULT_TIMEOUT_S = 90;

/** --timeout SECONDS: 1 s to a day. */
export function timeoutSeconds(value: string | undefined): number {
  const s = positiveInt('--timeout', value, DEFAULT_TIMEOUT_S);
  if (s < 1 || s > 86_400) throw new UsageError(`--timeout must be between 1 and 86400 seconds, not ${s}`);
  return s;
}

/** The token, the repository and who the token is, from the Actions environment. */
export async function connect(authorFlag: string | undefined, timeoutFlag: string | undefined): Promise<Connection> {
  const deadlineMs = timeoutSeconds(timeoutFlag) * 1000;
  const env = process.env;
  const token = env.GITHUB_TOKEN;
  if (!token)
    throw new UsageError(
      'GITHUB_TOKEN is not set: in a workflow, pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step',
    );
  const repository = env.GITHUB_REPOSITORY ?? '';
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository);
  if (!m) throw new UsageError(`GITHUB_REPOSITORY must be owner/repo, not ${JSON.stringify(repository)}`);
  const baseUrl = env.GITHUB_API_URL || 'https://api.github.com';
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(baseUrl) || !URL.canParse(baseUrl))
    throw new UsageError(
      `GITHUB_API_URL must be an http(s) URL such as https://api.github.com, not ` +
        JSON.stringify(baseUrl.slice(0, 200)),
    );
  const client = new GitHubClient({ baseUrl, token, deadlineMs });
  return { client, owner: m[1]!, repo: m[2]!, author: authorFlag ?? '' };
}

/** GET /user, or the Actions bot for an installation token (which cannot read /user). */
export async function resolveAuthor(c: Connection, what: 'comment' | 'issue'): Promise<string> {
  if (c.author) return c.author;
  const me = await c.client.request('GET', '/user', USER);
  if (me.ok) return me.value.login;
  if (me.kind === 'status' && me.status === 403 && /not accessible by integration/i.test(me.message))
    return ACTIONS_BOT;
  return failed(me, what);
}

export function waited(client: GitHubClient): string {
  const n = client.waits.length;
  if (n === 0) return '';
  const s = Math.round(client.waits.reduce((a, b) => a + b, 0) / 1000);
  const limited = client.rateLimitWaits;
  const errors = n - limited;
  const why = [
    limited > 0 ? `${limited} for its rate limits` : '',
    errors > 0 ? `${errors} after an error or no answer` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `retried ${n} time${n === 1 ? '' : 's'} against GitHub (${why}), waiting ${s} s in all\n`;
}

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  common(opts, false);
  if (opts.plan === undefined)
    throw new UsageError('--plan FILE is required: the Markdown from `idac plan --format markdown --out FILE`');
  const c = await connect(opts.author, opts.timeout);
  const number =
    opts.pr !== undefined ? positiveInt('--pr', opts.pr, 0) : await prFromEvent(process.env.GITHUB_EVENT_PATH);
  if (number < 1) throw new UsageError('--pr must be a pull request number');

  let body = await readFileText(resolve(opts.plan), '--plan');
  if (!body.includes(PLAN_MARKER)) body = `${PLAN_MARKER}\n${body}`;
  // The plan file is input like any manifest: a secret in it is never posted.
  const inPlan = await secretMatches(body);
  if (inPlan.length > 0)
    throw new UsageError(
      `--plan ${opts.plan} holds a secret (${inPlan[0]!.rule}, fingerprint ` +
        `${fingerprint(inPlan[0]!.text)}): not posting it; write the plan again with \`idac plan --format ` +
        `markdown\`, which withholds secrets. No comment was written`,
      1,
    );
  if (body.length > COMMENT_LIMIT)
    throw new UsageError(
      `--plan ${opts.plan} is ${body.length} characters; a GitHub comment holds ${COMMENT_LIMIT}: write it ` +
        `with \`idac plan --format markdown\`, which stays under the limit`,
    );

  const author = await resolveAuthor(c, 'comment');
  const result = await upsertStickyComment(
    c.client,
    { owner: c.owner, repo: c.repo, number, marker: PLAN_MARKER, author },
    body,
  );
  if (!result.ok) return failed(result, 'comment');
  process.stdout.write(
    `${result.action} the plan comment on ${c.owner}/${c.repo}#${number}` +
      `${result.url ? `: ${c.client.echo(result.url)}` : ''}\n`,
  );
  if (result.ignored > 0)
    process.stdout.write(
      `left ${result.ignored} comment${result.ignored === 1 ? '' : 's'} with the same marker by other users ` +
        `untouched\n`,
    );
  process.stdout.write(waited(c.client));
  return 0;
}

/** A failed call as exit 2 with what to do; nothing the server said reaches here unredacted. */
export function failed(f: GitHubFailure, what: 'comment' | 'issue'): never {
  const none = f.maybeWritten
    ? `Look at the ${what === 'comment' ? 'pull request' : 'open issues'} before running again.`
    : `No ${what} was written.`;
  switch (f.kind) {
    case 'rate-limit':
      throw new UsageError(`${f.message}. Run again${f.resetAt ? ` after ${f.resetAt}` : ' later'}. ${none}`);
    case 'deadline':
      throw new UsageError(`${f.message}. Raise --timeout SECONDS if GitHub is just slow. ${none}`);
    case 'timeout':
      throw new UsageError(`${f.message}. ${none}`);
    case 'network':
    case 'redirect':
    case 'malformed':
    case 'too-large':
      throw new UsageError(`${f.message}. Check GITHUB_API_URL. ${none}`);
    case 'status':
      break;
  }
  // Already escaped by the client (echo): quoted, not escaped a second time.
  const detail = `"${f.message}"`;
  switch (f.status) {
    case 401:
      throw new UsageError(`GitHub rejected the token (401 ${detail}): GITHUB_TOKEN is wrong or expired. ${none}`);
    case 403:
      throw new UsageError(
        `GitHub refused (403 ${detail}): the token needs \`permissions: ` +
          `${what === 'comment' ? 'pull-requests' : 'issues'}: ` +
          `write\`${what === 'comment' ? " (a fork's pull request gets a read-only token)" : ''}. ${none}`,
      );
    case 404:
      throw new UsageError(`GitHub found no such repository or pull request (404 ${detail}). ${none}`);
    default:
      throw new UsageError(`GitHub API error ${f.status} on ${f.request}: ${detail}. ${none}`);
  }
}
