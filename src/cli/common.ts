// Flags every command shares, and the one place the system clock and the terminal are read.

import { resolve } from 'node:path';
import { parseInstant } from '../time.js';
import { UsageError } from './errors.js';

export interface CommonFlags {
  dir: string;
  now: number;
}

export function common(opts: { dir?: string; now?: string }): CommonFlags {
  return { dir: resolve(opts.dir ?? '.'), now: clock(opts.now) };
}

export function clock(now: string | undefined): number {
  if (now === undefined) return Date.now();
  const ms = parseInstant(now);
  if (ms === null) throw new UsageError(`--now ${JSON.stringify(now)} is not an ISO-8601 date (2026-11-23) or date-time with a zone (2026-11-23T08:00:00Z)`);
  return ms;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  return value as T;
}
