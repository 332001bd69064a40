// A small GitHub REST client on Node's fetch: the calls `idac github comment` and `idac github audit`
// make, with the behaviour GitHub asks clients for — wait and retry on a secondary rate limit
// (403/429 with retry-after in seconds or as an HTTP date, else exponential backoff with jitter),
// on an exhausted primary limit (x-ratelimit-reset), and on 5xx (never for a POST) — and none of the trust a server
// could abuse (issue 14):
// - every request has a timeout and the client a deadline for all of them (the command's
//   --timeout); no wait is taken that would end past the deadline, it is reported instead;
// - redirects are never followed to another origin (the token and a body stay on GITHUB_API_URL),
//   and a write is never redirected at all;
// - a body is read up to a size cap, must be JSON, and must have the shape the caller expects;
// - whatever the server says is redacted of the token, cut and escaped before it is shown.
// Errors come back as values.

import { cap, terminalSafe } from '../common/escape.js';

/** What a caller expects a 2xx answer to be: `check` gives the first problem, or null. */
export interface Shape<T> {
  /** "a list of comments": for the message when the answer is something else. */
  what: string;
  check(value: unknown): string | null;
  /** Only for the type; never read. */
  readonly _type?: T;
}

export interface GitHubOptions {
  baseUrl: string;
  token: string;
  /** Injected so tests can count waits without waiting; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** The wall clock (deadline, x-ratelimit-reset, retry-after dates); defaults to Date.now. */
  now?: () => number;
  /** Jitter source in [0, 1); defaults to Math.random. */
  random?: () => number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Longest single wait; a limit further away than this is reported instead (default 5 min). */
  maxWaitMs?: number;
  /** One request, from sending to the last byte of the answer (default 30 s). */
  requestTimeoutMs?: number;
  /** Every request and wait of this client together, from its creation (default 90 s). */
  deadlineMs?: number;
  /** Largest body read (default 4 MiB). */
  maxBodyBytes?: number;
  /** First wait on a secondary limit without retry-after (default 60 s, as GitHub asks), doubled each retry. */
  secondaryWaitMs?: number;
  /** First wait after a 5xx or a lost connection (default 1 s), doubled each retry. */
  backoffMs?: number;
  userAgent?: string;
}

export type GitHubFailureKind =
  /** GitHub answered with an error status; `message` is its (sanitised) message. */
  | 'status'
  /** A rate limit idac cannot or will not wait out; `resetAt` when known. */
  | 'rate-limit'
  /** One request got no (complete) answer within its timeout. */
  | 'timeout'
  /** The command's deadline passed while waiting for `waitingFor`. */
  | 'deadline'
  | 'network'
  | 'redirect'
  /** A 2xx answer that is not JSON, not UTF-8 or not the expected shape. */
  | 'malformed'
  | 'too-large';

// Transport, not a common/result Failure: callers branch on the kind, status and request (retry,
// "may have been written", rate limits) before the message becomes a diagnostic in the feature.
export interface GitHubFailure {
  ok: false;
  kind: GitHubFailureKind;
  /** 0 when there was no answer. */
  status: number;
  /** Safe to print: no token, no control characters, bounded length. */
  message: string;
  /** The request, as `METHOD /path?query` (never the token). */
  request: string;
  resetAt?: string;
  /** A write that got no answer: GitHub may have done it all the same. */
  maybeWritten?: true;
}

export type GitHubResult<T> = { ok: true; value: T; status: number } | GitHubFailure;

type Method = 'GET' | 'POST' | 'PATCH';

const MAX_REDIRECTS = 3;
/** Connection errors that mean the request never left (safe to send a POST again). */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** A write answered with one of these may have been done all the same (the gateway gave up, not GitHub). */
const GATEWAY = new Set([502, 503, 504]);
/** Longest server text shown in a message. */
const MAX_ECHO = 300;
/** A run of the token this long in server text is withheld too (a server may echo part of it). */
const TOKEN_FRAGMENT = 8;

export class GitHubClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly retries: number;
  private readonly maxWaitMs: number;
  private readonly requestTimeoutMs: number;
  private readonly deadlineMs: number;
  private readonly deadlineAt: number;
  private readonly maxBodyBytes: number;
  private readonly secondaryWaitMs: number;
  private readonly backoffMs: number;
  private readonly origin: string;
  private readonly base: string;
  /** Every wait taken, in ms (for the caller's report and for tests). */
  readonly waits: number[] = [];
  /** How many of `waits` were for a rate limit (the others: a retry after an error or no answer). */
  rateLimitWaits = 0;

  constructor(private readonly opts: GitHubOptions) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.retries = opts.retries ?? 3;
    this.maxWaitMs = opts.maxWaitMs ?? 300_000;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.deadlineMs = opts.deadlineMs ?? 90_000;
    this.deadlineAt = this.now() + this.deadlineMs;
    this.maxBodyBytes = opts.maxBodyBytes ?? 4 * 1024 * 1024;
    this.secondaryWaitMs = opts.secondaryWaitMs ?? 60_000;
    this.backoffMs = opts.backoffMs ?? 1000;
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.base).origin;
  }

  async request<T>(method: Method, path: string, shape: Shape<T>, body?: unknown): Promise<GitHubResult<T>> {
    const request = `${method} ${path}`;
    const fail = (
      kind: GitHubFailureKind,
      status: number,
      message: string,
      extra: { resetAt?: string; maybeWritten?: true } = {},
    ): GitHubFailure => ({ ok: false, kind, status, message, request, ...extra });
    let url = `${this.base}${path}`;
    let redirects = 0;
    for (let attempt = 0; ;) {
      const remaining = this.deadlineAt - this.now();
      if (remaining <= 0) return fail('deadline', 0, this.deadlineMessage(request));
      const limit = Math.min(this.requestTimeoutMs, remaining);
      const got = await this.send(method, url, body, limit);

      // A write that got no answer may have been done all the same.
      const unsure = method === 'GET' ? {} : { maybeWritten: true as const };
      if (got.kind === 'aborted') {
        if (limit < this.requestTimeoutMs) return fail('deadline', 0, this.deadlineMessage(request), unsure);
        // A POST that timed out may have been written: sending it again could write it twice.
        if (await this.retried(method === 'POST' ? null : this.backoff(attempt), attempt)) {
          attempt++;
          continue;
        }
        return fail(
          'timeout',
          0,
          `GitHub did not answer ${request} within ${seconds(this.requestTimeoutMs)}` +
            (method === 'GET' ? '' : ' (it may have been written all the same)'),
          unsure,
        );
      }
      if (got.kind === 'network') {
        // A POST is sent again only when it surely never arrived (no connection was made).
        if (
          await this.retried(
            method === 'POST' && !NEVER_SENT.has(got.code ?? '') ? null : this.backoff(attempt),
            attempt,
          )
        ) {
          attempt++;
          continue;
        }
        const sent = method !== 'GET' && !NEVER_SENT.has(got.code ?? '');
        return fail(
          'network',
          0,
          `cannot reach ${this.origin} for ${request}: ${this.echo(got.message)}` +
            (sent ? ' (it may have been written all the same)' : ''),
          sent ? unsure : {},
        );
      }
      const res = got.res;

      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        let target: URL | null;
        try {
          target = location === null ? null : new URL(location, url);
        } catch {
          target = null;
        }
        const where =
          target === null
            ? 'nowhere valid'
            : target.origin === this.origin
              ? target.pathname
              : `another host (${this.echo(target.origin)})`;
        if (target !== null && target.origin === this.origin && method === 'GET' && redirects < MAX_REDIRECTS) {
          redirects++;
          url = target.href;
          continue;
        }
        const why =
          target !== null && target.origin !== this.origin
            ? `idac sends its token${body === undefined ? '' : ' and data'} only to ${this.origin}`
            : method !== 'GET'
              ? 'idac does not follow a redirected write'
              : `more than ${MAX_REDIRECTS} redirects`;
        return fail(
          'redirect',
          res.status,
          `GitHub redirected ${request} (${res.status}) to ${where}: not followed, ${why}`,
        );
      }
      if (got.text === null)
        return fail(
          'too-large',
          res.status,
          `GitHub's answer to ${request} is larger than ${Math.floor(this.maxBodyBytes / 1024)} KiB: not read`,
        );
      if (got.text === undefined)
        return fail('malformed', res.status, `GitHub's answer to ${request} is not UTF-8 text`);
      const text = got.text;

      if (res.ok) {
        let value: unknown;
        try {
          value = text.trim() === '' ? null : JSON.parse(text);
        } catch {
          return fail(
            'malformed',
            res.status,
            `GitHub's answer to ${request} (${res.status}) is not JSON: ${this.echo(text.slice(0, 100))}`,
          );
        }
        const problem = shape.check(value);
        if (problem !== null)
          return fail(
            'malformed',
            res.status,
            `GitHub's answer to ${request} (${res.status}) is not ${shape.what}: ${this.echo(problem)}`,
          );
        return { ok: true, status: res.status, value: value as T };
      }

      const message = this.echo(messageOf(text) ?? res.statusText);
      const limited = this.rateLimit(res, message, attempt);
      if (limited !== null) {
        if (await this.retried(limited.wait, attempt, true)) {
          attempt++;
          continue;
        }
        const why =
          attempt >= this.retries
            ? `still limited after ${this.retries} retr${this.retries === 1 ? 'y' : 'ies'}`
            : this.now() + limited.wait >= this.deadlineAt
              ? `waiting ${seconds(limited.wait)} would pass the ${seconds(this.deadlineMs)} deadline (--timeout)`
              : `not waiting ${seconds(limited.wait)}`;
        return fail(
          'rate-limit',
          res.status,
          `GitHub's ${limited.which} rate limit stopped ${request} (${res.status} ` +
            `"${message}")${limited.resetAt ? `; it resets at ${limited.resetAt}` : ''}; ${why}`,
          limited.resetAt ? { resetAt: limited.resetAt } : {},
        );
      }
      // A POST is never sent again once it got an answer: GitHub may have written it before the
      // 5xx (a gateway error often comes after the work was done). A PATCH is idempotent.
      if (res.status >= 500 && (await this.retried(method === 'POST' ? null : this.backoff(attempt), attempt))) {
        attempt++;
        continue;
      }
      return fail('status', res.status, message, method !== 'GET' && GATEWAY.has(res.status) ? unsure : {});
    }
  }

  /** One exchange: the answer and its body (null when over the cap, undefined when not UTF-8), within `limitMs`. */
  private async send(
    method: Method,
    url: string,
    body: unknown,
    limitMs: number,
  ): Promise<
    | { kind: 'answer'; res: Response; text: string | null | undefined }
    | { kind: 'aborted' }
    | { kind: 'network'; message: string; code?: string }
  > {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), limitMs);
    try {
      const res = await fetch(url, {
        method,
        redirect: 'manual',
        signal: ac.signal,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.opts.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': this.opts.userAgent ?? 'idac',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { kind: 'answer', res, text: await readCapped(res, this.maxBodyBytes) };
    } catch (e) {
      if (ac.signal.aborted) return { kind: 'aborted' };
      const err = e as Partial<Error> & { cause?: { message?: string; code?: string } };
      return {
        kind: 'network',
        message: err.cause?.message ?? err.message ?? String(e),
        ...(err.cause?.code ? { code: err.cause.code } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A wait is taken only with a retry left, within the single-wait cap, and ending before the deadline. */
  private canWait(ms: number, attempt: number): boolean {
    return attempt < this.retries && ms <= this.maxWaitMs && this.now() + ms < this.deadlineAt;
  }

  /** Waits `ms` before a retry when one is allowed (null: never); says whether it did. */
  private async retried(ms: number | null, attempt: number, rateLimit = false): Promise<boolean> {
    if (ms === null || !this.canWait(ms, attempt)) return false;
    this.waits.push(ms);
    if (rateLimit) this.rateLimitWaits++;
    await this.sleep(ms);
    return true;
  }

  /** Exponential backoff with jitter: base·2^attempt, plus up to half again. */
  private jittered(base: number, attempt: number): number {
    const step = base * 2 ** attempt;
    return Math.round(step + step * 0.5 * this.random());
  }

  private backoff(attempt: number): number {
    return this.jittered(this.backoffMs, attempt);
  }

  /** A rate limit on this answer and how long it asks to wait, or null when it is no rate limit. */
  private rateLimit(
    res: Response,
    message: string,
    attempt: number,
  ): { which: 'primary' | 'secondary'; wait: number; resetAt: string | null } | null {
    if (res.status !== 403 && res.status !== 429) return null;
    const after = retryAfter(res.headers.get('retry-after'), this.now());
    const primary = res.headers.get('x-ratelimit-remaining') === '0';
    if (after !== null)
      return { which: primary ? 'primary' : 'secondary', wait: after, resetAt: iso(this.now() + after) };
    if (primary) {
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      if (Number.isFinite(reset) && reset > 0)
        return { which: 'primary', wait: Math.max(0, reset * 1000 - this.now()) + 1000, resetAt: iso(reset * 1000) };
      return { which: 'primary', wait: this.jittered(this.secondaryWaitMs, attempt), resetAt: null };
    }
    // A secondary limit without retry-after: GitHub asks for at least a minute, then exponentially
    // longer; the jitter keeps parallel jobs from retrying in step.
    if (res.status === 429 || /secondary rate limit|abuse detection/i.test(message))
      return { which: 'secondary', wait: this.jittered(this.secondaryWaitMs, attempt), resetAt: null };
    return null;
  }

  private deadlineMessage(request: string): string {
    return (
      `no answer from GitHub within the ${seconds(this.deadlineMs)} deadline (--timeout): was waiting for ` + request
    );
  }

  /** Server text made safe to show: the token (or a long run of it) withheld, cut, one line, escaped. */
  echo(text: string): string {
    const token = this.opts.token;
    // Cut first (the scan below is quadratic), with room for a token straddling the cut.
    const head = text.slice(0, MAX_ECHO + token.length);
    return terminalSafe(cap(withoutToken(withoutToken(head, token, token.length), token, TOKEN_FRAGMENT), MAX_ECHO));
  }
}

/**
 * `text` with every run of at least `min` characters of `token` replaced by `[token withheld]`,
 * ignoring case (a host name or a header echoed back may have been lower-cased).
 */
export function withoutToken(text: string, token: string, min: number): string {
  if (token.length < min || min <= 0) return text;
  const t = token.toLowerCase();
  const x = text.toLowerCase();
  if (x.length !== text.length) return text.length >= min ? '[server text withheld]' : text;
  let out = '';
  for (let i = 0; i < text.length;) {
    let best = 0;
    for (let j = 0; j + min <= t.length; j++) {
      let k = 0;
      while (i + k < x.length && j + k < t.length && x[i + k] === t[j + k]) k++;
      if (k > best) best = k;
    }
    if (best >= min) {
      out += '[token withheld]';
      i += best;
    } else {
      out += text[i]!;
      i++;
    }
  }
  return out;
}

/** The body as text; null when it is larger than `max` bytes, undefined when it is not UTF-8. */
async function readCapped(res: Response, max: number): Promise<string | null | undefined> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (res.body === null) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** retry-after in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^[0-9]{1,9}$/.test(v)) return Number(v) * 1000;
  if (!/^[A-Za-z]{3},? /.test(v)) return null;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function messageOf(text: string): string | null {
  try {
    const m = (JSON.parse(text) as { message?: unknown } | null)?.message;
    return typeof m === 'string' ? m : null;
  } catch {
    return null;
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

function iso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
