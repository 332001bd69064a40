// Throw-away git repositories for plan tests: the real `git` binary, commits with fixed dates.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

export class GitRepo {
  constructor(readonly dir: string) {}

  /** A repository on branch main whose first commit holds a copy of `from` (a folder). */
  static fromFolder(from: string): GitRepo {
    const dir = mkdtempSync(join(tmpdir(), 'idac-plan-'));
    cpSync(from, dir, { recursive: true });
    const repo = GitRepo.init(dir);
    repo.commit('base');
    return repo;
  }

  /** A new repository on branch main in `dir` (files in it stay uncommitted). */
  static init(dir: string): GitRepo {
    git(dir, 'init', '-q', '-b', 'main');
    return new GitRepo(dir);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, text: string): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  /** Replaces exactly one occurrence of `from`. */
  edit(path: string, from: string, to: string): this {
    const text = this.read(path);
    if (text.split(from).length !== 2) throw new Error(`${path}: ${JSON.stringify(from)} must occur exactly once`);
    return this.write(path, text.replace(from, to));
  }

  remove(path: string): this {
    rmSync(join(this.dir, path));
    return this;
  }

  commit(message: string): string {
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD');
  }

  branch(name: string): this {
    git(this.dir, 'checkout', '-q', '-b', name);
    return this;
  }
}
