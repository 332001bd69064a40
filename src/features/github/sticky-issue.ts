// One issue kept up to date by a scheduled job, found (like the plan comment) by a hidden marker
// and by its author: created when there is something to say, edited while there is, and closed
// when there is nothing left. Issues by anyone else carrying the marker are never touched.

import type { GitHubClient, GitHubFailure } from '../../io/github.js';
import { knownSecrets } from '../../common/redactor.js';
import { ISSUE, ISSUES, PER_PAGE, type Issue } from './shapes.js';

export interface IssueTarget {
  owner: string;
  repo: string;
  marker: string;
  author: string;
}

export type IssueResult =
  | { ok: true; action: 'created' | 'updated' | 'closed' | 'none'; number: number | null; url: string | null }
  | GitHubFailure;

const MAX_PAGES = 50;

export async function upsertStickyIssue(
  client: GitHubClient,
  t: IssueTarget,
  text: { title: string; body: string } | null,
): Promise<IssueResult> {
  // Every secret found in this run, wherever it is repeated, leaves only as its fingerprint.
  const content =
    text === null ? null : { title: knownSecrets().text(text.title), body: knownSecrets().text(text.body) };
  const base = `/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}`;
  let mine: Issue | null = null;
  for (let page = 1; page <= MAX_PAGES && mine === null; page++) {
    const list = await client.request('GET', `${base}/issues?state=open&per_page=${PER_PAGE}&page=${page}`, ISSUES);
    if (!list.ok) return list;
    mine =
      list.value.find(
        (i) =>
          i.pull_request === undefined &&
          (i.body ?? '').includes(t.marker) &&
          i.user?.login?.toLowerCase() === t.author.toLowerCase(),
      ) ?? null;
    if (list.value.length < PER_PAGE) break;
  }
  if (content === null) {
    if (!mine) return { ok: true, action: 'none', number: null, url: null };
    const r = await client.request('PATCH', `${base}/issues/${mine.number}`, ISSUE, {
      state: 'closed',
      state_reason: 'completed',
      body: `${t.marker}\nNothing needs attention any more.\n`,
    });
    return r.ok ? { ok: true, action: 'closed', number: mine.number, url: r.value.html_url ?? null } : r;
  }
  if (mine) {
    const r = await client.request('PATCH', `${base}/issues/${mine.number}`, ISSUE, content);
    return r.ok ? { ok: true, action: 'updated', number: mine.number, url: r.value.html_url ?? null } : r;
  }
  const r = await client.request('POST', `${base}/issues`, ISSUE, content);
  return r.ok ? { ok: true, action: 'created', number: r.value.number, url: r.value.html_url ?? null } : r;
}
