// Table-driven tests of the plan/ rules (docs/STYLE.md): each row is a change to examples/acme,
// planned by the same planRevisions the CLI runs, on both revisions held in memory (the CLI asks git
// which paths differ; here the two file maps are compared). `bad` rows give exactly the listed
// findings of the rule under test, compared whole; `good` rows give none. test/e2e/plan-refusals.test.ts
// runs apply's refusals through the built CLI on git repositories.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/common/findings.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import { planRevisions } from '../../../src/plan/revisions.js';
import type { Plan } from '../../../src/plan/types.js';
import { ruleById } from '../../../src/rules/index.js';
import { parseInstant } from '../../../src/common/time.js';
import { edit } from '../harness.js';

export const NOW = '2026-11-23';
export const ORG = 'identities/org.yaml';

const ACME_DIR = fileURLToPath(new URL('../../../examples/acme', import.meta.url));

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

/** examples/acme as committed: the base revision of every row. */
export const ACME: Readonly<Record<string, string>> = readTree(ACME_DIR);

/** A revision being edited: the same calls as test/e2e/git.ts GitRepo, so rows read alike in both. */
export class Files {
  readonly files: Record<string, string>;

  constructor(from: Readonly<Record<string, string>>) {
    this.files = { ...from };
  }

  read(path: string): string {
    const text = this.files[path];
    if (text === undefined) throw new Error(`${path}: no such file`);
    return text;
  }

  write(path: string, text: string): this {
    this.files[path] = text;
    return this;
  }

  /** Replaces exactly one occurrence of `from` (fails loudly when the example drifts). */
  edit(path: string, from: string, to: string): this {
    return this.write(path, edit(this.read(path), from, to));
  }

  remove(path: string): this {
    this.read(path);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the fake tree is a plain record
    delete this.files[path];
    return this;
  }
}

/** What a row's change may do: Files here, or test/e2e/git.ts GitRepo in the CLI's tests. */
export interface Editable {
  read(path: string): string;
  write(path: string, text: string): unknown;
  edit(path: string, from: string, to: string): unknown;
  remove(path: string): unknown;
}

export type Change = (f: Editable) => void;

export const READER = 'identities/payments/settlement-reader.yaml';

/** settlement-reader (high: its IAM role is protected) renamed to settlement-ingest. */
export const renameReader: Change = (f) => {
  const text = f
    .read(READER)
    .replace('  name: settlement-reader\n', '  name: settlement-ingest\n  renamedFrom: settlement-reader\n');
  f.remove(READER);
  f.write('identities/payments/settlement-ingest.yaml', text);
};

/** settlement-reader moved from team payments to platform under its own name. */
export const moveReader: Change = (f) => {
  const text = f.read(READER).replace('    team: payments\n', '    team: platform\n');
  f.remove(READER);
  f.write('identities/platform/settlement-reader.yaml', text);
};

export interface PlanOptions {
  /** Applied to examples/acme to make the base revision (default: examples/acme as it is). */
  base?: Change;
  allowDeletions?: number;
}

/** The plan of `change` against the base, as `idac plan --now NOW` computes it. */
export async function planOf(change: Change, opts: PlanOptions = {}): Promise<Plan> {
  const base = new Files(ACME);
  opts.base?.(base);
  const head = new Files(base.files);
  change(head);
  const paths = new Set([...Object.keys(base.files), ...Object.keys(head.files)]);
  const changed = [...paths].filter((p) => base.files[p] !== head.files[p]).sort();
  const now = parseInstant(NOW)!;
  return planRevisions({
    base: { source: new MemorySource(base.files), sha: '0'.repeat(40), label: 'main' },
    head: { source: new MemorySource(head.files), sha: '1'.repeat(40), label: 'change' },
    changed,
    now,
    window: { ms: 7 * 86_400_000, text: '7d' },
    allowDeletions: opts.allowDeletions ?? 0,
  });
}

export interface PlanRow extends PlanOptions {
  name: string;
  change: Change;
}

export interface BadPlanRow extends PlanRow {
  /**
   * Every finding of the rule, without `rule` and `severity` (the table's) and `path` (line and column say where);
   * `messageId` is the key of the rule's message, like typescript-eslint's `invalid` rows.
   */
  findings: Omit<Finding, 'rule' | 'severity' | 'path'>[];
}

/** A finding as the table writes it: no `path`. */
function shown(f: Finding): Omit<Finding, 'path'> {
  const { path: _path, ...rest } = f;
  return rest;
}

export function planTable(
  rule: string,
  severity: Finding['severity'],
  table: { good: PlanRow[]; bad: BadPlanRow[] },
): void {
  describe(rule, () => {
    it('is a plan rule of this severity in the catalogue', () => {
      expect(ruleById.get(rule)).toMatchObject({ kind: 'plan', meta: { id: rule, severity } });
    });
    it.each(table.good.map((r) => [r.name, r] as const))('good: %s', async (_name, row) => {
      const plan = await planOf(row.change, row);
      expect(plan.findings.filter((f) => f.rule === rule)).toEqual([]);
    });
    it.each(table.bad.map((r) => [r.name, r] as const))('bad: %s', async (_name, row) => {
      const plan = await planOf(row.change, row);
      expect(plan.findings.filter((f) => f.rule === rule).map(shown)).toEqual(
        row.findings.map((f) => ({ rule, severity, ...f })),
      );
    });
  });
}
