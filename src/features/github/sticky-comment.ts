// One sticky pull-request comment, found by a hidden marker and by its author: created on the first
// run, edited in place afterwards. A comment with the same marker by anyone else is never touched
// (anyone can paste a marker into a comment; THREATS.md 73).

import type { GitHubClient, GitHubFailure } from '../../io/github.js';
import { knownSecrets } from '../../common/redactor.js';
import { COMMENT, COMMENTS, PER_PAGE, type Comment } from './shapes.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  number: number;
  marker: string;
  /** The login the token acts as. */
  author: string;
}

export type StickyResult =
  { ok: true; action: 'created' | 'updated'; id: number; url: string | null; ignored: number } | GitHubFailure;

/** 100 pages of 100: more comments than that on one PR is not a case worth paging further for. */
const MAX_PAGES = 100;

export async function upsertStickyComment(client: GitHubClient, t: StickyTarget, text: string): Promise<StickyResult> {
  // Every secret found in this run, wherever it is repeated, leaves only as its fingerprint.
  const body = knownSecrets().text(text);
  const base = `/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}`;
  let mine: Comment | null = null;
  let ignored = 0;
  for (let page = 1; page <= MAX_PAGES && mine === null; page++) {
    const list = await client.request(
      'GET',
      `${base}/issues/${t.number}/comments?per_page=${PER_PAGE}&page=${page}`,
      COMMENTS,
    );
    if (!list.ok) return list;
    for (const c of list.value) {
      if (!(c.body ?? '').includes(t.marker)) continue;
      if (c.user?.login?.toLowerCase() === t.author.toLowerCase()) {
        mine = c;
        break;
      }
      ignored++;
    }
    if (list.value.length < PER_PAGE) break;
  }
  if (mine) {
    const r = await client.request('PATCH', `${base}/issues/comments/${mine.id}`, COMMENT, { body });
    return r.ok ? { ok: true, action: 'updated', id: mine.id, url: r.value.html_url ?? null, ignored } : r;
  }
  const r = await client.request('POST', `${base}/issues/${t.number}/comments`, COMMENT, { body });
  return r.ok ? { ok: true, action: 'created', id: r.value.id, url: r.value.html_url ?? null, ignored } : r;
}
