// Which revisions a plan compares and which files differ between them, asked of the real `git`
// binary: `rev-parse`, `merge-base`, `diff --name-status` and `ls-files`. Each costs milliseconds
// even on a 100,000-file repo, so a plan's cost follows the change, not the repository.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fail, messageOf, ok, type Result } from '../common/result.js';

export type GitResult<T> = Result<T>;

export interface Repo {
  /** The repository's top level. */
  top: string;
  /** `--dir` relative to the top level, with a trailing slash, or '' at the top. */
  prefix: string;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted';

export interface ChangedFile {
  /** Relative to `--dir`. */
  path: string;
  status: ChangeStatus;
}

function git(cwd: string, args: string[]): GitResult<string> {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return outcome(cwd, args, r.error, r.status, r.stdout, r.stderr);
}

/** `git` without blocking, so two questions to git (a diff and a directory walk) run side by side. */
function gitAsync(cwd: string, args: string[]): Promise<GitResult<string>> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve(outcome(cwd, args, e, null, '', '')));
    child.on('close', (status) =>
      resolve(
        outcome(cwd, args, undefined, status, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8')),
      ),
    );
  });
}

function outcome(
  cwd: string,
  args: string[],
  error: Error | undefined,
  status: number | null,
  stdout: string,
  stderr: string,
): GitResult<string> {
  // spawn reports a missing working directory as ENOENT too: only a missing binary is "not installed".
  if (error)
    return fail(
      (error as NodeJS.ErrnoException).code !== 'ENOENT'
        ? `cannot run git: ${error.message}`
        : existsSync(cwd)
          ? 'git is not installed (idac reads revisions with the git binary)'
          : `${cwd}: no such directory`,
    );
  if (status !== 0) return fail(`git ${args[0]}: ${stderr.trim().split('\n')[0] || `exit ${status}`}`);
  return ok(stdout);
}

export function openRepo(dir: string): GitResult<Repo> {
  // One process for both answers: the top level, then the prefix (an empty line at the top).
  const r = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (!r.ok) return fail(`${dir} is not inside a git repository (plan compares git revisions): ${messageOf(r)}`);
  const [top = '', prefix = ''] = r.value.split('\n');
  return ok({ top: top.trim(), prefix: prefix.trim() });
}

/**
 * Where a folder sits in its git repository (`infra/identity/`): GitHub reads annotation and SARIF
 * paths from the repository root. '' at the top level, outside git, or when git is absent.
 */
export function gitPrefix(dir: string): string {
  const r = git(dir, ['rev-parse', '--show-prefix']);
  return r.ok ? r.value.trim() : '';
}

/** A revision as a commit id. Options-looking revisions are refused: they would reach git as flags. */
export function resolveCommit(repo: Repo, rev: string): GitResult<string> {
  if (rev.startsWith('-') || rev.length === 0) return fail(`${JSON.stringify(rev)} is not a revision`);
  const r = git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (!r.ok) return fail(`${rev} is not a commit in ${repo.top}`);
  return ok(r.value.trim());
}

/**
 * The default base, as Atlantis and GitHub compare a pull request: the merge-base of `head` with
 * the default branch (origin's HEAD, else origin/main, origin/master, main, master).
 */
export function defaultBase(repo: Repo, head: string): GitResult<{ rev: string; sha: string }> {
  const candidates: string[] = [];
  const sym = git(repo.top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (sym.ok && sym.value.trim()) candidates.push(sym.value.trim());
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const branch of candidates) {
    if (!resolveCommit(repo, branch).ok) continue;
    const mb = git(repo.top, ['merge-base', branch, head]);
    if (mb.ok) return ok({ rev: `merge-base(${branch}, ${head === 'HEAD' ? 'HEAD' : head})`, sha: mb.value.trim() });
    return fail(`${head} shares no history with ${branch}: give --base`);
  }
  return fail('no default branch found (origin/HEAD, main or master): give --base');
}

/**
 * Files below `folder` (relative to `--dir`; or several paths) that differ between `base` and `head`; `head` null is
 * the working tree, untracked files included (a new manifest not yet added is part of the change).
 * Renames are a delete and an add: identities are matched by name, not by path.
 */
export async function changedFiles(
  repo: Repo,
  dir: string,
  base: string,
  head: string | null,
  folder: string | readonly string[],
): Promise<GitResult<ChangedFile[]>> {
  const paths = typeof folder === 'string' ? [folder] : folder;
  const args = [
    'diff',
    '--name-status',
    '--no-renames',
    '--relative',
    '-z',
    base,
    ...(head ? [head] : []),
    '--',
    ...paths,
  ];
  // The diff and, against the working tree, the walk for untracked files each stat the whole folder:
  // side by side they cost the longer of the two, not the sum.
  const [diff, untracked] = await Promise.all([
    gitAsync(dir, args),
    head === null ? gitAsync(dir, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths]) : null,
  ]);
  if (!diff.ok) return diff;
  const out = new Map<string, ChangedFile>();
  const parts = diff.value.split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code = parts[i]!;
    const path = parts[i + 1]!;
    out.set(path, { path, status: code.startsWith('A') ? 'added' : code.startsWith('D') ? 'deleted' : 'modified' });
  }
  if (untracked) {
    if (!untracked.ok) return untracked;
    for (const path of untracked.value.split('\0')) if (path) out.set(path, { path, status: 'added' });
  }
  return ok([...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}
