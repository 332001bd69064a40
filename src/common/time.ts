// Dates, date-times and durations as SPEC.md §2 defines them. Pure: the clock is always an argument.

const DAY = 86_400_000;

/** `<int>(m|h|d)` → milliseconds, or null when malformed. */
export function parseDuration(text: string): number | null {
  const m = /^([0-9]{1,6})([mhd])$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n * (m[2] === 'm' ? 60_000 : m[2] === 'h' ? 3_600_000 : DAY);
}

/** `YYYY-MM-DD` (a real calendar date) → ms at 00:00:00Z, or null. */
export function parseDate(text: string): number | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

// date T hh:mm, optional :ss and fraction, then Z or ±hh:mm.
const DATE_TIME = new RegExp(
  String.raw`^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]{1,9})?)?` +
    String.raw`(Z|([+-])([0-9]{2}):([0-9]{2}))$`,
);

/** ISO-8601 date-time with an explicit zone (`Z` or `±hh:mm`) → ms, or null. */
export function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const day = parseDate(m[1]!);
  if (day === null) return null;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = m[5] ? Math.floor(Number(`0${m[5]}`) * 1000) : 0;
  let offset = 0;
  if (m[6] !== 'Z') {
    const oh = Number(m[8]);
    const om = Number(m[9]);
    if (oh > 23 || om > 59) return null;
    offset = (m[7] === '+' ? 1 : -1) * (oh * 60 + om) * 60_000;
  }
  return day + ((h * 60 + mi) * 60 + s) * 1000 + frac - offset;
}

/** `--now`: an ISO-8601 date (its 00:00:00Z) or date-time. */
export function parseInstant(text: string): number | null {
  return parseDate(text) ?? parseDateTime(text);
}

/** The end of the day that starts at `dateMs`: the start of the next one. */
export function endOfDay(dateMs: number): number {
  return dateMs + DAY;
}

export interface Expiry {
  /** The instant it is expired from. */
  at: number;
  /** That instant's day (YYYY-MM-DD): "expired since". */
  since: string;
}

/**
 * SPEC §2: an identity (or exception) is expired from the start of the day after `expires`, its
 * last valid day. The one place that decides; null for a date that is not a calendar date.
 */
export function expiryOf(expires: string): Expiry | null {
  const day = parseDate(expires);
  if (day === null) return null;
  const at = endOfDay(day);
  return { at, since: isoDate(at) };
}

/** Whether `expires` has passed at `now` (false for a date that is not a calendar date). */
export function isExpired(expires: string, now: number): boolean {
  const e = expiryOf(expires);
  return e !== null && now >= e.at;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Human form of a duration for messages: 90d, 36h, 8h1m, 45m. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0m';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 60_000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 1440],
    ['h', 60],
    ['m', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return sign + parts.join('');
}

export const DAY_MS = DAY;
