// The plan between two revisions of a repository on disk: resolves them with the git binary, opens
// each side as a Source (a git revision, or the working tree for the head) and plans the change.
// What `idac plan`, `apply --plan` and the library's plan() share.

import { certificateAuthorityFiles } from '../check/certificate-authorities.js';
import { loadOrg } from '../check/repository.js';
import { FsSource } from '../io/fs-source.js';
import { GitSource } from '../io/git-source.js';
import { changedFiles, defaultBase, openRepo, resolveCommit, type ChangedFile } from '../io/git-revisions.js';
import { IDENTITIES_DIR } from '../common/layout.js';
import { ok, type Result } from '../common/result.js';
import { planRevisions } from './revisions.js';
import type { Plan } from './types.js';

export interface PlanRequest {
  /** The repository root (the folder that holds identities/), inside a git work tree. */
  dir: string;
  /** A revision, or undefined for the merge-base with the default branch. */
  base: string | undefined;
  /** A revision, or undefined for the working tree. */
  head: string | undefined;
  /** Milliseconds since the epoch: what is due, expired or in force is judged at this instant. */
  now: number;
  /** How far ahead the plan lists what falls due (`7d`). */
  window: { ms: number; text: string };
  /** How many identities the change may delete before the deletion guard refuses it. */
  allowDeletions: number;
}

/** The plan between two revisions of the repo at `dir`, or why git cannot give them. */
export async function planOf(req: PlanRequest): Promise<Result<Plan>> {
  const { dir, now } = req;
  const repo = openRepo(dir);
  if (!repo.ok) return repo;
  const top = repo.value;
  let headSha: string | null = null;
  if (req.head !== undefined) {
    const head = resolveCommit(top, req.head);
    if (!head.ok) return head;
    headSha = head.value;
  }
  let base: { rev: string; sha: string };
  if (req.base === undefined) {
    const found = defaultBase(top, req.head ?? 'HEAD');
    if (!found.ok) return found;
    base = found.value;
  } else {
    const sha = resolveCommit(top, req.base);
    if (!sha.ok) return sha;
    base = { rev: req.base, sha: sha.value };
  }
  const baseSource = new GitSource(top.top, base.sha, top.prefix);
  const headSource = headSha === null ? new FsSource(dir) : new GitSource(top.top, headSha, top.prefix);
  try {
    // git walks identities/ for the diff while org.yaml of each side is read.
    const identities = changedFiles(top, dir, base.sha, headSha, IDENTITIES_DIR);
    const baseOrg = await loadOrg(baseSource);
    const orgs = { base: baseOrg, head: await loadOrg(headSource, baseOrg) };
    // The CA files org.yaml names (either side) live outside identities/, and a change to one alone
    // changes the cert auth roles that embed it.
    const caFiles = [
      ...new Set([...certificateAuthorityFiles(orgs.base.data), ...certificateAuthorityFiles(orgs.head.data)]),
    ].sort();
    const [inFolder, cas] = await Promise.all([
      identities,
      caFiles.length > 0 ? changedFiles(top, dir, base.sha, headSha, caFiles) : ok<ChangedFile[]>([]),
    ]);
    if (!inFolder.ok) return inFolder;
    if (!cas.ok) return cas;
    // A CA file may sit inside identities/ too: each path once.
    const changed = [...new Map([...inFolder.value, ...cas.value].map((c) => [c.path, c])).values()];
    return ok(
      await planRevisions({
        base: { source: baseSource, sha: base.sha, label: base.rev },
        head: { source: headSource, sha: headSha, label: req.head ?? 'WORKTREE' },
        changed: changed.map((c) => c.path),
        now,
        window: req.window,
        allowDeletions: req.allowDeletions,
        orgs,
      }),
    );
  } finally {
    baseSource.close();
    if (headSource instanceof GitSource) headSource.close();
  }
}
