// The YAML 1.2 core schema's plain-scalar resolution, exactly as `yaml` 2.x implements it
// (node_modules/yaml/dist/schema/core/*). The fast path gives js-yaml these rules so both
// parsers turn the same text into the same data; test/manifest/fast-path.test.ts and
// fast-differential.test.ts (which also checks these against the installed yaml) hold them to it.

export const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
export const CORE_INT_OCT = /^0o[0-7]+$/;
export const CORE_INT = /^[-+]?[0-9]+$/;
export const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
export const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** True when a plain scalar with this text would not stay a string under the core schema. */
export function resolvesToNonString(text: string): boolean {
  return NON_STRING.test(text);
}

// The union of the patterns above, tested once per key on the fast path.
const NON_STRING = new RegExp(
  [CORE_NULL, CORE_BOOL, CORE_INT_OCT, CORE_INT, CORE_INT_HEX, CORE_FLOAT_NAN, CORE_FLOAT_EXP, CORE_FLOAT]
    .map((r) => `(?:${r.source})`)
    .join('|'),
);

export function resolveFloatNaN(text: string): number {
  return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
}

/** Keys must be plain printable ASCII: no look-alikes, no invisible characters, no spaces. */
export const KEY_CHARSET = /^[\x21-\x7e]{1,128}$/;

/** Deeper than any valid manifest (the schema's deepest path is 8); stops stack-exhaustion inputs. */
export const MAX_DEPTH = 32;
