// Flags every command shares, and the one place the system clock and the terminal are read.

import { discoveredRoot, givenRoot, holdsIdentities } from '../io/repo-root.js';
import { parseInstant } from '../common/time.js';
import { UsageError } from './errors.js';
import { messageOf } from '../common/result.js';

export interface CommonFlags {
  /** The repository root: `identities/` and every finding's path are relative to it. */
  dir: string;
  /** What PATH arguments are relative to: `--dir` when given, else the current directory (SPEC §5). */
  base: string;
  now: number;
}

/**
 * Every command starts here, so every command finds (or checks) the root the same way. `repo`:
 * the command reads identities/ (false for those that need no repository, and for validate given
 * PATHs of its own).
 */
export function common(opts: { dir?: string; now?: string }, repo = true): CommonFlags {
  const cwd = process.cwd();
  const now = clock(opts.now);
  if (opts.dir === undefined) {
    const found = discoveredRoot(cwd);
    if (repo && !found.found && !holdsIdentities(found.root))
      throw new UsageError(
        `no identity repository here: neither ${cwd} nor a folder above it holds identities/org.yaml; run ` +
          `idac inside the repository or give --dir`,
      );
    return { dir: found.root, base: cwd, now };
  }
  const given = givenRoot(opts.dir, cwd);
  if (!given.ok) throw new UsageError(messageOf(given));
  if (repo && !holdsIdentities(given.root))
    throw new UsageError(
      `--dir ${opts.dir} holds no identities/ folder; give the repository root (the folder that holds ` +
        `identities/org.yaml)`,
    );
  return { dir: given.root, base: given.root, now };
}

export function clock(now: string | undefined): number {
  if (now === undefined) return Date.now();
  const ms = parseInstant(now);
  if (ms === null)
    throw new UsageError(
      `--now ${JSON.stringify(now)} is not an ISO-8601 date (2026-11-23) or date-time with a zone ` +
        `(2026-11-23T08:00:00Z)`,
    );
  return ms;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return (
    (stream.isTTY as boolean | undefined) === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb'
  );
}

export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  return value as T;
}
