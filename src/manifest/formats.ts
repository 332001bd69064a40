// What the schemas' `format`s mean, and the ajv options they are compiled with: shared by the
// generated validators and by the test that regenerates them.

import { parseDate, parseDateTime } from '../common/time.js';

export const formats: Record<string, (s: string) => boolean> = {
  date: (s) => parseDate(s) !== null,
  'date-time': (s) => parseDateTime(s) !== null,
};

/** Never coerce, never fill defaults, never drop unknown keys: a typo must stay visible. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  verbose: false,
  allowUnionTypes: true,
} as const;
