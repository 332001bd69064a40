// Writing files in place, safely: every new content goes to a temporary file in the target's own
// folder (same file mode), and only when all of them are ready — and every target still holds the
// bytes the edit was computed from — are they renamed over the targets. A reader never sees half a
// file; an edit made by someone else between the read and the write is refused, not overwritten;
// several files are written all or none (a failed rename puts the files already replaced back).

import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, chown, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fail as cannot, ok, refuse, type Result } from '../common/result.js';
import { FsSource, linkedFolder, linkedFolderError, reason } from './fs-source.js';

export interface PlannedWrite {
  /** Relative to the root, `/`-separated. */
  path: string;
  bytes: Uint8Array;
  /** sha256 (hex) of the bytes the new content was computed from; null: the file did not exist. */
  expected: string | null;
}

/** Written, or why not: a refusal (the file changed under us) or a write that could not run (permissions, disk). */
export type WriteResult = Result<void>;

export interface WriteHooks {
  /**
   * Runs after every temporary file is written, just before the targets are checked and replaced (tests use it to race
   * an edit).
   */
  beforeCommit?: () => void | Promise<void>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Staged {
  plan: PlannedWrite;
  abs: string;
  temp: string;
  /** The bytes on disk just before the rename (null: no file), to put back on a failed commit. */
  original: Uint8Array | null;
  done: boolean;
}

export async function writeAtomically(
  root: string,
  plans: readonly PlannedWrite[],
  hooks: WriteHooks = {},
): Promise<WriteResult> {
  const staged: Staged[] = [];
  const fail = async (code: 1 | 2, message: string): Promise<WriteResult> => {
    await Promise.all(staged.map((s) => unlink(s.temp).catch(() => undefined)));
    return code === 1 ? refuse(message) : cannot(message);
  };
  for (const plan of plans) {
    const abs = resolve(root, plan.path);
    // Every folder between the root and the file must be a real one: a linked `.github` would send the write elsewhere.
    const linked = linkedFolder(root, plan.path);
    if (linked !== null)
      return fail(2, `cannot write ${plan.path}: ${reason(linkedFolderError(linked))}; nothing was changed`);
    let mode = 0o644;
    let owner: { uid: number; gid: number } | null = null;
    const st = await lstat(abs).catch((e: unknown) =>
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : (e as NodeJS.ErrnoException),
    );
    if (st instanceof Error) return fail(2, `cannot write ${plan.path}: ${reason(st)}; nothing was changed`);
    if (st === null) {
      if (plan.expected !== null)
        return fail(
          1,
          `${plan.path} was removed while idac was editing it; nothing was changed: run the command again`,
        );
      try {
        await mkdir(dirname(abs), { recursive: true });
      } catch (e) {
        return fail(2, `cannot create the folder of ${plan.path}: ${reason(e)}; nothing was changed`);
      }
    } else {
      if (st.isSymbolicLink() || !st.isFile())
        return fail(
          2,
          `cannot write ${plan.path}: it is ` +
            (st.isSymbolicLink() ? 'a symbolic link (idac does not write through links)' : 'not a regular file') +
            '; nothing was changed',
        );
      // A rename would replace a read-only file without complaint: its mode is the owner's "do not edit".
      try {
        await access(abs, constants.W_OK);
      } catch (e) {
        return fail(2, `cannot write ${plan.path}: ${reason(e)}; nothing was changed`);
      }
      mode = st.mode & 0o7777;
      owner = { uid: st.uid, gid: st.gid };
    }
    const temp = resolve(dirname(abs), `.${basename(abs)}.idac-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await open(
        temp,
        constants.O_WRONLY |
          constants.O_CREAT |
          constants.O_EXCL |
          ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0),
        mode,
      );
      staged.push({ plan, abs, temp, original: null, done: false });
      try {
        await handle.writeFile(plan.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(temp, mode); // open's mode is cut by the umask
      // Run as root (a CI container), the file keeps its owner rather than becoming root's.
      if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0))
        await chown(temp, owner.uid, owner.gid);
    } catch (e) {
      return fail(
        2,
        `cannot write ${plan.path}: ${reason(e)} (a temporary file in its folder is needed to replace it ` +
          `safely); nothing was changed`,
      );
    }
  }
  await hooks.beforeCommit?.();

  const source = new FsSource(root);
  for (const s of staged) {
    let now: Uint8Array | null;
    try {
      const bytes = await source.read(s.plan.path);
      now = bytes instanceof Uint8Array ? bytes : null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        return fail(2, `cannot read ${s.plan.path} again before writing it: ${reason(e)}; nothing was changed`);
      now = null;
    }
    if ((now === null ? null : sha256(now)) !== s.plan.expected) {
      return fail(
        1,
        `${s.plan.path} changed on disk while idac was editing it; nothing was changed: run the command ` +
          `again on the new content`,
      );
    }
    s.original = now;
  }
  for (const s of staged) {
    try {
      await rename(s.temp, s.abs);
      s.done = true;
    } catch (e) {
      const undo = await rollBack(staged.filter((x) => x.done));
      return fail(
        2,
        `cannot write ${s.plan.path}: ${reason(e)}; ` +
          (undo.length === 0
            ? 'nothing was changed'
            : `and ${undo.join(', ')} could not be put back: check them with git diff`),
      );
    }
  }
  return ok(undefined);
}

/** Puts back what was replaced; returns the files that could not be restored. */
async function rollBack(done: readonly Staged[]): Promise<string[]> {
  const failed: string[] = [];
  for (const s of done) {
    try {
      if (s.original === null) await unlink(s.abs);
      else {
        const temp = `${s.temp}.undo`;
        const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
        try {
          await handle.writeFile(s.original);
        } finally {
          await handle.close();
        }
        await chmod(temp, s.plan.expected === null ? 0o644 : (await lstat(s.abs)).mode & 0o7777);
        await rename(temp, s.abs);
      }
    } catch {
      failed.push(s.plan.path);
    }
  }
  return failed;
}
