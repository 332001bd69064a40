// Where a folder sits inside its git repository. GitHub reads annotation and SARIF paths from the
// repository root, so an identity repo kept in a subfolder of a larger repository must prefix
// its paths with this. Outside a repository, or without git, there is nothing to add.

import { spawnSync } from 'node:child_process';

/** `infra/identity/` for a subfolder, '' at the top level, outside git, or when git is absent. */
export function gitPrefix(dir: string): string {
  const r = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: dir, encoding: 'utf8' });
  if (r.error || r.status !== 0) return '';
  return r.stdout.replace(/\r?\n$/, '');
}
