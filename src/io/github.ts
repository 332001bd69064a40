// A small GitHub REST client on Node's fetch: the four calls `idac github comment` makes, with the
// behaviour GitHub asks clients for — wait and retry on a secondary rate limit (403/429 with
// retry-after, or a message saying so), on an exhausted primary limit (x-ratelimit-reset), and on
// 5xx with backoff; never on 401/404/422. Errors come back as values.

export interface GitHubOptions {
  baseUrl: string;
  token: string;
  /** Injected so tests can count waits; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Longest single wait; a limit further away than this is reported instead (default 5 min). */
  maxWaitMs?: number;
  now?: () => number;
  userAgent?: string;
}

export type GitHubResult<T> = { ok: true; value: T; status: number } | { ok: false; status: number; message: string };

export class GitHubClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  /** Every wait taken, in ms (for the caller's report and for tests). */
  readonly waits: number[] = [];

  constructor(private readonly opts: GitHubOptions) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retries = opts.retries ?? 3;
    this.maxWaitMs = opts.maxWaitMs ?? 300_000;
    this.now = opts.now ?? Date.now;
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<GitHubResult<T>> {
    const url = `${this.opts.baseUrl.replace(/\/+$/, '')}${path}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.opts.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': this.opts.userAgent ?? 'idac',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (e) {
        if (attempt < this.retries) {
          await this.wait(1000 * 2 ** attempt);
          continue;
        }
        return { ok: false, status: 0, message: `cannot reach ${this.opts.baseUrl}: ${(e as Error).message}` };
      }
      const text = await res.text();
      if (res.ok) {
        try {
          return { ok: true, status: res.status, value: (text === '' ? null : JSON.parse(text)) as T };
        } catch {
          return { ok: false, status: res.status, message: `${method} ${path}: the response is not JSON` };
        }
      }
      const message = messageOf(text) ?? res.statusText;
      const wait = this.retryDelay(res, message, attempt);
      if (wait !== null && attempt < this.retries) {
        if (wait > this.maxWaitMs) return { ok: false, status: res.status, message: `${message} (rate limited for ${Math.ceil(wait / 1000)} s; not waiting that long)` };
        await this.wait(wait);
        continue;
      }
      return { ok: false, status: res.status, message };
    }
  }

  private async wait(ms: number): Promise<void> {
    this.waits.push(ms);
    await this.sleep(ms);
  }

  /** How long to wait before retrying, or null when retrying cannot help. */
  private retryDelay(res: Response, message: string, attempt: number): number | null {
    if (res.status === 403 || res.status === 429) {
      const after = res.headers.get('retry-after');
      if (after !== null && /^[0-9]+$/.test(after.trim())) return Number(after.trim()) * 1000;
      if (res.headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - this.now()) + 1000;
      }
      // A secondary limit without retry-after: GitHub says to wait at least a minute.
      if (/secondary rate limit/i.test(message)) return 60_000 * (attempt + 1);
      return null;
    }
    if (res.status >= 500) return 1000 * 2 ** attempt;
    return null;
  }
}

function messageOf(text: string): string | null {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    return typeof m === 'string' ? m : null;
  } catch {
    return null;
  }
}
