// The history of the identities folder in one `git log` pass: every commit of the first-parent
// line (a merged pull request is one change, diffed against the branch it landed on), oldest
// first, with the blobs each commit changed; the blobs are then read through one
// `git cat-file --batch`. Cost: one process per pass plus one reader, however long the history.

import { spawn } from 'node:child_process';
import type { GitResult, Repo } from './git-revisions.js';
import { fail, messageOf, ok } from '../common/result.js';
import { BatchReader } from './git-source.js';

export interface FileChange {
  /** Relative to `--dir`. */
  path: string;
  status: 'A' | 'M' | 'D' | 'T';
  /** null for an added file (old) or a deleted one (new). */
  oldOid: string | null;
  newOid: string | null;
}

export interface LogCommit {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date as git gives it (ISO-8601 with offset). */
  date: string;
  subject: string;
  changes: FileChange[];
}

const ZERO = /^0+$/;

function run(cwd: string, args: string[]): Promise<GitResult<Buffer>> {
  return new Promise((resolve) => {
    const proc = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    proc.stdout.on('data', (c: Buffer) => out.push(c));
    proc.stderr.on('data', (c: Buffer) => err.push(c));
    proc.on('error', (e: NodeJS.ErrnoException) =>
      resolve(
        fail(
          e.code === 'ENOENT'
            ? 'git is not installed (history reads the repository with the git binary)'
            : `cannot run git: ${e.message}`,
        ),
      ),
    );
    proc.on('close', (code) => {
      if (code === 0) resolve(ok(Buffer.concat(out)));
      else resolve(fail(`git ${args[0]}: ${Buffer.concat(err).toString().trim().split('\n')[0] || `exit ${code}`}`));
    });
  });
}

/** Commits that changed `folder` (relative to --dir) on HEAD's first-parent line, oldest first. */
export async function logFolder(repo: Repo, folder: string): Promise<GitResult<LogCommit[]>> {
  const r = await run(repo.top, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--no-renames',
    '--raw',
    '--no-abbrev',
    '-z',
    '--format=%x01%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s',
    'HEAD',
    '--',
    `${repo.prefix}${folder}`,
  ]);
  if (!r.ok) {
    // A repository without commits has no history to tell.
    if (/does not have any commits|unknown revision/.test(messageOf(r))) return ok([]);
    return r;
  }
  return ok(parseLog(r.value.toString('utf8'), repo.prefix));
}

export function parseLog(text: string, prefix: string): LogCommit[] {
  const out: LogCommit[] = [];
  for (const chunk of text.split('\x01')) {
    if (chunk === '') continue;
    const end = chunk.indexOf('\0');
    const header = end < 0 ? chunk : chunk.slice(0, end);
    const [sha = '', parents = '', author = '', email = '', date = '', ...subject] = header.split('\x1f');
    const commit: LogCommit = {
      sha,
      parents: parents.split(' ').filter(Boolean),
      author,
      email,
      date,
      subject: subject.join('\x1f'),
      changes: [],
    };
    const tokens =
      end < 0
        ? []
        : chunk
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0');
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const meta = tokens[i]!;
      const path = tokens[i + 1]!;
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([AMDT])/.exec(meta);
      if (!m || !path.startsWith(prefix)) continue;
      commit.changes.push({
        path: path.slice(prefix.length),
        status: m[3] as FileChange['status'],
        oldOid: ZERO.test(m[1]!) ? null : m[1]!,
        newOid: ZERO.test(m[2]!) ? null : m[2]!,
      });
    }
    out.push(commit);
  }
  return out;
}

/** Reads blobs by id through one `git cat-file --batch`, each id once. */
export class BlobReader {
  private readonly cache = new Map<string, Promise<Uint8Array>>();
  private readonly batch: BatchReader;

  constructor(root: string) {
    this.batch = new BatchReader(root);
  }

  read(oid: string): Promise<Uint8Array> {
    let p = this.cache.get(oid);
    if (!p) this.cache.set(oid, (p = this.batch.read(oid)));
    return p;
  }

  close(): void {
    this.batch.close();
  }
}
