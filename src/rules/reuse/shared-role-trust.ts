import { show } from '../../common/findings.js';
import { fileList, LISTED } from '../lib/listing.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Summary {
  /** owner/name, lower-cased: GitHub compares repository names ignoring case. */
  repository: string;
  /**
   * The token subjects the trust admits (`environment:prod`, `ref:refs/heads/main`, `pull_request`); empty = every one.
   */
  subjects: string[];
}

type Entry = RepoEntry<Summary>;

const messages = {
  sharedTrust:
    'role trust admits {{what}} of {{repository}}, as does the role of {{others}}; pin each role to a ' +
    'subject of its own',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'reuse/shared-role-trust',
    severity: 'error',
    title: 'Two AWS roles trust the same GitHub workflow subject',
    rationale:
      'A GitHub Actions job gets one OIDC token; when the roles of two identities both accept its subject ' +
      '(same repository and the same environment, ref or pull-request pin, or no pin at all), that job can ' +
      'assume either role, so the two identities are one in practice and their access adds up.',
    fix:
      "Pin each identity's spec.access.aws.trust.github to its own subject: a GitHub environment (or ref) " +
      'used only by the workflow that needs this role; never leave one of two roles on a repository unpinned.',
    owasp: ['NHI9', 'NHI6'],
  },
  messages,
  summarize({ data }): Summary | null {
    const github = data.spec.access.aws?.trust?.github;
    if (!github || isTombstone(data)) return null;
    // The `sub` claim of a GitHub token holds exactly one of these, so the trust admits any of them.
    const subjects: string[] = [];
    // GitHub environment names are case-insensitive; refs are not.
    if (github.environment !== undefined) subjects.push(`environment:${github.environment.toLowerCase()}`);
    if (github.ref !== undefined) subjects.push(`ref:${github.ref}`);
    if (github.pullRequest === true) subjects.push('pull_request');
    return { repository: github.repository.toLowerCase(), subjects };
  },
  check(entries: readonly Entry[]) {
    const byRepo = new Map<string, Entry[]>();
    for (const e of entries) {
      const list = byRepo.get(e.value.repository);
      if (list) list.push(e);
      else byRepo.set(e.value.repository, [e]);
    }
    const out: RepoReport<typeof messages>[] = [];
    for (const group of byRepo.values()) if (group.length > 1) out.push(...overlaps(group));
    return out;
  },
});

/**
 * Within one repository: an unpinned trust overlaps every other; pinned ones overlap when they share
 * a subject. Counting who shares at least one of an entry's (at most three) subjects by inclusion-
 * exclusion over subject subsets keeps this linear even when thousands pin the same environment.
 */
function overlaps(group: readonly Entry[]): RepoReport<typeof messages>[] {
  const unpinned: Entry[] = [];
  const bySubject = new Map<string, Entry[]>();
  const bySubset = new Map<string, number>();
  for (const e of group) {
    if (e.value.subjects.length === 0) unpinned.push(e);
    for (const s of e.value.subjects) {
      const list = bySubject.get(s);
      if (list) list.push(e);
      else bySubject.set(s, [e]);
    }
    for (const key of subsets(e.value.subjects)) bySubset.set(key, (bySubset.get(key) ?? 0) + 1);
  }
  const out: RepoReport<typeof messages>[] = [];
  for (const e of group) {
    const { subjects } = e.value;
    const shown: string[] = [];
    // Each list holds e once and any other entry at most once: a few steps per list fill `shown`.
    const take = (list: readonly Entry[]): void => {
      for (const o of list) {
        if (shown.length >= LISTED) return;
        if (o !== e && !shown.includes(o.file)) shown.push(o.file);
      }
    };
    let total: number;
    if (subjects.length === 0) {
      total = group.length - 1;
      take(group);
    } else {
      let sharing = 0;
      for (const key of subsets(subjects)) sharing += (key.split('\n').length % 2 === 1 ? 1 : -1) * bySubset.get(key)!;
      total = unpinned.length + sharing - 1;
      take(unpinned);
      for (const s of subjects) take(bySubject.get(s)!);
    }
    if (total === 0) continue;
    const what = subjects.length === 0 ? 'any workflow' : `the subject ${subjects.map((s) => show(s)).join(' or ')}`;
    out.push({
      file: e.file,
      identity: e.identity,
      path: ['spec', 'access', 'aws', 'trust', 'github', 'repository'],
      messageId: 'sharedTrust',
      data: { what, repository: show(e.value.repository, 140), others: fileList(shown, total) },
    });
  }
  return out;
}

/** Every non-empty subset of (at most three) subjects, as a key independent of their order. */
function subsets(subjects: readonly string[]): string[] {
  const sorted = [...subjects].sort();
  const out: string[] = [];
  for (let mask = 1; mask < 1 << sorted.length; mask++) out.push(sorted.filter((_, i) => mask & (1 << i)).join('\n'));
  return out;
}
