// Errors as values, like Terraform's tfdiags: a step that can fail returns a Result, either its
// value or the diagnostics that stopped it. A diagnostic says what went wrong (summary), optionally
// more (detail) and where (subject: a file, a flag, a field). Throw only for bugs.

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** What went wrong, as printed: one sentence that says what, where and how to fix it. */
  summary: string;
  /** More about it, when a sentence is not enough. */
  detail?: string;
  /** Where: a file, a flag or a field. */
  subject?: string;
  /**
   * The input was understood and what it asks is refused (the change would not validate, the file
   * changed meanwhile), as opposed to a step that could not run at all (a bad flag, an unreadable
   * file). The command line makes the first exit 1 and the second exit 2.
   */
  refused?: true;
}

export type Failure = { ok: false; diagnostics: Diagnostic[] };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** An error diagnostic. */
export function error(summary: string, where: { detail?: string; subject?: string } = {}): Diagnostic {
  return { severity: 'error', summary, ...where };
}

/** A failure with one error. */
export function fail(summary: string, where: { detail?: string; subject?: string } = {}): Failure {
  return { ok: false, diagnostics: [error(summary, where)] };
}

/** A failure with one refusal: the input was understood and the change is refused (see `refused`). */
export function refuse(summary: string, where: { detail?: string; subject?: string } = {}): Failure {
  return { ok: false, diagnostics: [{ ...error(summary, where), refused: true }] };
}

/** Whether every error of a failure is a refusal (the command line's exit 1), not a step that could not run. */
export function isRefusal(f: Failure): boolean {
  return f.diagnostics.every((d) => d.severity !== 'error' || d.refused === true);
}

/** A failure with one error per summary (none: the caller has a bug). */
export function failAll(summaries: readonly string[]): Failure {
  return { ok: false, diagnostics: summaries.map((s) => error(s)) };
}

/** The summaries of a failure's diagnostics, in order. */
export function summaries(f: Failure): string[] {
  return f.diagnostics.map((d) => d.summary);
}

/** A failure as one message: its summaries joined by `separator`. */
export function messageOf(f: Failure, separator = '\n'): string {
  return summaries(f).join(separator);
}

/** Diagnostics gathered along the way, then a result: the value if no error was added. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(summary: string, where: { detail?: string; subject?: string } = {}): void {
    this.list.push(error(summary, where));
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  result<T>(value: T): Result<T> {
    return this.hasErrors ? { ok: false, diagnostics: this.list } : ok(value);
  }
}

/** Every value, or every diagnostic of every failure. */
export function combine<T>(results: readonly Result<T>[]): Result<T[]> {
  const diagnostics = results.flatMap((r) => (r.ok ? [] : r.diagnostics));
  return diagnostics.length > 0 ? { ok: false, diagnostics } : ok(results.map((r) => (r as { value: T }).value));
}
