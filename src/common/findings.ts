// What every stage reports: a finding is data, never an exception.

import { visible } from './escape.js';

export type Severity = 'error' | 'warning' | 'info';

/** OWASP Non-Human Identities Top 10 (2025). */
export type NhiId = 'NHI1' | 'NHI2' | 'NHI3' | 'NHI4' | 'NHI5' | 'NHI6' | 'NHI7' | 'NHI8' | 'NHI9' | 'NHI10';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Relative to the repo root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** metadata.name, or null for org.yaml and unparseable files. */
  identity: string | null;
  message: string;
  /** Which of its rule's messages this is (the key in the rule's `messages`). */
  messageId: string;
  /**
   * The YAML path the finding points at, as SPEC writes it (`spec.access.aws.permissions[0].actions`); '' for the whole
   * file or a place in its text.
   */
  path: string;
}

/** A step into a YAML document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message)
  );
}

/** Plain code-unit order, the same on every machine (not locale order). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `spec.access.aws.permissions[0].actions` */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/**
 * Shows a manifest value inside a message: quoted, capped and with invisible characters escaped,
 * so a finding can never smuggle control characters or a long secret into a terminal or log.
 */
export function show(value: unknown, max = 60): string {
  // JSON.stringify gives undefined for a function or symbol, though typed string.
  const text = typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? String(value));
  const capped = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${visible(capped.replace(/["\\]/g, (c) => `\\${c}`))}"`;
}
