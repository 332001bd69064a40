// A secret, once found, is shown only as its fingerprint: the same short text in every command and
// format. Knows nothing of what a secret is (src/rules/secrets.ts decides, with the secret/* rules);
// kept free of heavy imports, so the command line can load it at start-up.

import { createHash } from 'node:crypto';

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}

/** What a secret is printed as, everywhere: the fingerprint of validate's secret/* finding. */
export function withheldText(secret: string): string {
  return `[secret ${fingerprint(secret)}]`;
}

/** Whether a value was withheld (it held a secret): such a value is never written where it would act (CODEOWNERS). */
export function isWithheld(value: string): boolean {
  return value.includes('[secret ');
}

/** Replaces the secrets it was built with, and any 12-character stretch of one, by their fingerprint. */
export class Redactor {
  private readonly pieces: { text: string; secret: string }[];
  private readonly windows: Map<string, string>;

  constructor(secrets: Iterable<string>) {
    const pieces = new Map<string, string>();
    this.windows = new Map();
    for (const secret of secrets) {
      // A multi-line secret (a key block) is found line by line: its lines are indented or commented in the file.
      for (const raw of secret.split(/\r?\n|\\n/)) {
        const line = raw.replace(/^[\s#"']+|[\s"'\\]+$/g, '');
        if (line.length >= 6) pieces.set(line, secret);
        for (let i = 0; i + WINDOW <= line.length; i++) this.windows.set(line.slice(i, i + WINDOW), secret);
      }
    }
    // Longest first, so a secret that holds another is replaced whole.
    this.pieces = [...pieces].map(([text, secret]) => ({ text, secret })).sort((a, b) => b.text.length - a.text.length);
  }

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  /** Whether `text` holds a secret, or 12 characters of one. */
  holds(text: string): boolean {
    if (this.empty) return false;
    for (const p of this.pieces) if (text.includes(p.text)) return true;
    return this.windowAt(text) !== null;
  }

  text(text: string): string {
    if (this.empty) return text;
    let out = text;
    for (const p of this.pieces) if (out.includes(p.text)) out = out.split(p.text).join(withheldText(p.secret));
    // A piece cut out of a secret (a quoted value cut at 60 characters): the word around it goes.
    for (let hit = this.windowAt(out); hit !== null; hit = this.windowAt(out)) {
      let from = hit.at;
      let to = hit.at + WINDOW;
      while (from > 0 && !STOP.test(out[from - 1]!)) from--;
      while (to < out.length && !STOP.test(out[to]!)) to++;
      out = out.slice(0, from) + withheldText(hit.secret) + out.slice(to);
    }
    return out;
  }

  /** Loaded data with every key and string value that holds a secret redacted. */
  data<T>(value: T): T {
    if (this.empty) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.holds(value) ? this.text(value) : value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.holds(k) ? this.text(k) : k] = this.walk(v);
      return out;
    }
    return value;
  }

  private windowAt(text: string): { at: number; secret: string } | null {
    if (this.windows.size === 0) return null;
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const secret = this.windows.get(text.slice(i, i + WINDOW));
      if (secret !== undefined) return { at: i, secret };
    }
    return null;
  }
}

const WINDOW = 12;
/** Where the word around a stray piece of a secret ends. */
const STOP = /[\s"'`<>,;\\]/;

/** Every secret any scan of this process found: the command line redacts all it prints with them. */
const known = new Set<string>();
let knownRedactor: Redactor | null = null;

export function remember(secret: string): void {
  if (known.has(secret)) return;
  known.add(secret);
  knownRedactor = null;
}

/** A redactor of every secret found so far in this process. */
export function knownSecrets(): Redactor {
  return (knownRedactor ??= new Redactor(known));
}
