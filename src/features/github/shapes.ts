// The shapes idac expects GitHub's answers to have, checked before any field is used: a server that
// answers something else (a proxy's page, a changed API, a hostile endpoint) is a clear error, not a
// crash on `undefined`. Only the fields idac reads are checked; the rest is GitHub's business.

import type { Shape } from '../../io/github.js';

type Check = (value: unknown, at: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const id: Check = (v, at) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? null : `${at} is not a positive whole number`;
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined || v === null ? null : check(v, at);
const string: Check = (v, at) => (typeof v === 'string' ? null : `${at} is not a string`);
const anything: Check = () => null;

function object(fields: Record<string, Check>): Check {
  return (v, at) => {
    if (!isObject(v)) return `${at} is not an object`;
    for (const [k, check] of Object.entries(fields)) {
      const problem = check(v[k], `${at}.${k}`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

function list(item: Check, max: number): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    if (v.length > max) return `${at} has ${v.length} entries, more than the ${max} asked for`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

function shape<T>(what: string, check: Check): Shape<T> {
  return { what, check: (v) => check(v, 'the answer') };
}

export interface User {
  login: string;
}
export interface Comment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string } | null;
}
export interface Issue {
  number: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string } | null;
  pull_request?: unknown;
}

const user = optional(object({ login: optional(string) }));
const comment = object({ id, body: optional(string), html_url: optional(string), user });
const issue = object({ number: id, body: optional(string), html_url: optional(string), user, pull_request: anything });

/** A page is asked for with per_page=100: more entries than that is not GitHub paging. */
export const PER_PAGE = 100;

export const USER: Shape<User> = shape('a user', object({ login: string }));
export const COMMENT: Shape<Comment> = shape('a comment', comment);
export const COMMENTS: Shape<Comment[]> = shape('a list of comments', list(comment, PER_PAGE));
export const ISSUE: Shape<Issue> = shape('an issue', issue);
export const ISSUES: Shape<Issue[]> = shape('a list of issues', list(issue, PER_PAGE));
