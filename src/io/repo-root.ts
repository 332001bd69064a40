// Where the repository is: `--dir` as given (checked, so a typo says so instead of surfacing later
// as a missing git binary or folder), else the nearest ancestor of the current directory holding
// identities/org.yaml (SPEC §5), so every command works from any folder of the repository.

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fail, type Failure } from '../common/result.js';
import { IDENTITIES_DIR, ORG_FILE } from '../common/layout.js';

export type RootResult = { ok: true; root: string } | Failure;

const MARKER = join(...ORG_FILE.split('/'));

/** `dir` must be an existing directory. */
export function givenRoot(dir: string, cwd: string): RootResult {
  const root = resolve(cwd, dir);
  let st;
  try {
    st = statSync(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `--dir ${dir}: no such directory`
        : `--dir ${dir}: cannot read it (${code ?? (e as Error).message})`,
    );
  }
  if (!st.isDirectory()) return fail(`--dir ${dir} is not a directory`);
  return { ok: true, root };
}

/** The nearest ancestor of `cwd` (itself included) that holds identities/org.yaml, else `cwd`. */
export function discoveredRoot(cwd: string): { root: string; found: boolean } {
  for (let at = resolve(cwd); ; at = dirname(at)) {
    if (isKind(join(at, MARKER), 'file')) return { root: at, found: true };
    if (dirname(at) === at) return { root: resolve(cwd), found: false };
  }
}

export function holdsIdentities(root: string): boolean {
  return isKind(join(root, IDENTITIES_DIR), 'dir');
}

function isKind(path: string, kind: 'file' | 'dir'): boolean {
  try {
    const st = statSync(path);
    return kind === 'file' ? st.isFile() : st.isDirectory();
  } catch {
    return false;
  }
}
