// IAM action patterns: `s3:GetObject`, `s3:Get*`, `s3:*Object`, `iam:Pass?ole`, `*`. Matching is
// case-insensitive; `*` is any run of characters and `?` exactly one (AWS IAM policy grammar).

import type { IamAction, IamCatalog } from './iam-catalog.js';

export type Expansion =
  | { kind: 'all' }
  | { kind: 'unknown-service'; service: string }
  /** Empty when nothing matches: an unknown action, or a wildcard that expands to nothing. */
  | { kind: 'actions'; service: string; actions: readonly IamAction[]; wildcard: boolean };

export function splitAction(pattern: string): { service: string; action: string } | null {
  const i = pattern.indexOf(':');
  return i > 0 ? { service: pattern.slice(0, i).toLowerCase(), action: pattern.slice(i + 1) } : null;
}

export function isWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

const matchers = new Map<string, RegExp>();

/** The pattern as a whole-string, case-insensitive regular expression. */
export function patternRegExp(pattern: string): RegExp {
  let re = matchers.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    matchers.set(pattern, re);
  }
  return re;
}

/** Does the action pattern `pattern` (as written in a grant) cover the concrete action `action`? */
export function actionCovers(pattern: string, action: string): boolean {
  return pattern === '*' || patternRegExp(pattern).test(action);
}

/** The services a list of patterns needs loaded (`*` needs none: it is reasoned about, not expanded). */
export function servicesOf(patterns: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of patterns) {
    const s = splitAction(p);
    if (s) out.add(s.service);
  }
  return out;
}

export function expandAction(pattern: string, catalog: IamCatalog): Expansion {
  if (pattern === '*') return { kind: 'all' };
  const split = splitAction(pattern);
  if (!split) return { kind: 'unknown-service', service: pattern };
  const svc = catalog.service(split.service);
  if (svc === undefined) throw new Error(`internal: IAM data for ${split.service} was not loaded`);
  if (svc === null) return { kind: 'unknown-service', service: split.service };
  if (!isWildcard(split.action)) {
    const a = svc.actions.get(split.action.toLowerCase());
    return { kind: 'actions', service: split.service, actions: a ? [a] : [], wildcard: false };
  }
  const re = patternRegExp(split.action);
  return {
    kind: 'actions',
    service: split.service,
    actions: [...svc.actions.values()].filter((a) => re.test(a.name)),
    wildcard: true,
  };
}

export function actionId(a: IamAction): string {
  return `${a.service}:${a.name}`;
}
