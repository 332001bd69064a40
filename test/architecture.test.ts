// The house runs one way (docs/architecture.md): every import in src/ goes down the table below,
// from a pipeline stage to an earlier one, from a feature to the stages, never between features and
// never in a circle. Read from the sources themselves (static, dynamic and type-only imports alike),
// so a new file is checked the day it is added.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './e2e/cli.js';

/**
 * What each part of src/ may import, besides itself. Stages are listed bottom-up; a feature is any
 * folder under src/features/ and may use every stage and io, but no other feature.
 */
const STAGES = [
  'common',
  'io',
  'manifest',
  'model',
  'access',
  'rules',
  'check',
  'compile',
  'plan',
  'render',
  'apply',
] as const;
type Unit = (typeof STAGES)[number] | 'features/*' | 'cli' | 'entry';
const ALLOWED: Record<Unit, readonly string[]> = {
  // Shared types and escaping: below everyone, imports nothing.
  common: [],
  // The ground floor: reads the outside world (files, git, GitHub) and knows nothing of the core.
  io: ['common'],
  // load: files (as io lists them) into typed manifests with positions.
  manifest: ['common', 'io'],
  model: ['common', 'manifest'],
  access: ['common', 'manifest', 'model'],
  rules: ['common', 'manifest', 'model', 'access'],
  // check: the repository read and checked (in workers for big repos, which re-open the tree).
  check: ['common', 'io', 'manifest', 'model', 'access', 'rules'],
  compile: ['common', 'manifest', 'model', 'access'],
  plan: ['common', 'io', 'manifest', 'model', 'access', 'rules', 'check', 'compile'],
  render: ['common', 'manifest', 'model', 'access', 'rules', 'check', 'compile', 'plan'],
  apply: ['common', 'io', 'manifest', 'model', 'access', 'rules', 'check', 'compile', 'plan', 'render'],
  'features/*': ['common', 'io', 'manifest', 'model', 'access', 'rules', 'check', 'compile', 'plan', 'render'],
  cli: [...STAGES, 'features/*'],
  // src/cli.ts, src/action.ts, src/index.ts: the ways in.
  entry: [...STAGES, 'features/*', 'cli'],
};

/** Node modules that reach the outside world: only the edges import them. */
const OUTSIDE = /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram|worker_threads)$/;
const OUTSIDE_ALLOWED: readonly Unit[] = ['io', 'apply', 'cli', 'entry', 'check'];
/** check may start worker threads (an execution strategy), nothing else from OUTSIDE. */
const CHECK_OUTSIDE = /^(node:)?worker_threads$/;

function unitOf(rel: string): Unit {
  const parts = rel.split('/');
  if (parts.length === 1) return 'entry';
  if (parts[0] === 'features') return 'features/*';
  if (parts[0] === 'cli') return 'cli';
  if ((STAGES as readonly string[]).includes(parts[0]!)) return parts[0] as Unit;
  throw new Error(
    `src/${rel}: folder ${parts[0]} is neither a stage nor a feature; add it to the table in ` +
      `test/architecture.test.ts and docs/architecture.md`,
  );
}

/** `features/history/read.ts` → `features/history`: the unit a file belongs to for the feature rule. */
function featureOf(rel: string): string | null {
  const parts = rel.split('/');
  return parts[0] === 'features' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : null;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Edge {
  from: string;
  to: string;
}

/** Every import of every file under `srcDir`: relative ones as repo paths, others as module names. */
function imports(srcDir: string): { local: Edge[]; modules: Edge[]; all: string[] } {
  const all = files(srcDir).map((f) => relative(srcDir, f).split('\\').join('/'));
  const known = new Set(all);
  const local: Edge[] = [];
  const modules: Edge[] = [];
  for (const rel of all) {
    const info = ts.preProcessFile(readFileSync(join(srcDir, rel), 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) {
        modules.push({ from: rel, to: fileName });
        continue;
      }
      const target = join(dirname(rel), fileName).split('\\').join('/').replace(/\.js$/, '.ts');
      if (known.has(target)) local.push({ from: rel, to: target });
    }
  }
  return { local, modules, all };
}

/** Why the edge breaks the table, or null when it is allowed. */
function violation(e: Edge): string | null {
  const a = unitOf(e.from);
  const b = unitOf(e.to);
  if (a === 'features/*' && b === 'features/*') {
    return featureOf(e.from) === featureOf(e.to)
      ? null
      : `a feature imports another feature (${featureOf(e.from)} → ${featureOf(e.to)})`;
  }
  if (a === b) return null;
  return ALLOWED[a].includes(b) ? null : `${a} may not import ${b}`;
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
function circles(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) if (e.from !== e.to) next.get(e.from)?.push(e.to);
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const n of nodes) if (!order.has(n)) visit(n);
  return out;
}

const src = imports(join(root, 'src'));
const folderOf = (rel: string): string => featureOf(rel) ?? (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel);

describe('import directions', () => {
  it('every import in src/ goes down the table', () => {
    const bad = src.local.map((e) => ({ e, why: violation(e) })).filter((x) => x.why !== null);
    expect(bad.map(({ e, why }) => `src/${e.from} → src/${e.to}: ${why}`)).toEqual([]);
  });

  it('no file imports another in a circle', () => {
    expect(circles(src.all, src.local)).toEqual([]);
  });

  it('no folder imports another in a circle', () => {
    const folders = [...new Set(src.all.map(folderOf))];
    expect(
      circles(
        folders,
        src.local.map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) })),
      ),
    ).toEqual([]);
  });

  it('only the edges reach the outside world (files, processes, network, threads)', () => {
    const bad = src.modules
      .filter((e) => OUTSIDE.test(e.to))
      .filter((e) => {
        const u = unitOf(e.from);
        return !OUTSIDE_ALLOWED.includes(u) || (u === 'check' && !CHECK_OUTSIDE.test(e.to));
      });
    expect(bad.map((e) => `src/${e.from} imports ${e.to}`)).toEqual([]);
  });

  it('the table itself runs one way: stages only list earlier stages', () => {
    STAGES.forEach((s, i) => {
      for (const d of ALLOWED[s]) expect(STAGES.indexOf(d as (typeof STAGES)[number]), `${s} → ${d}`).toBeLessThan(i);
    });
  });
});

describe('the checks above can fail', () => {
  it.each([
    [{ from: 'io/github.ts', to: 'render/markdown.ts' }, 'io may not import render'],
    [{ from: 'compile/rotation.ts', to: 'plan/types.ts' }, 'compile may not import plan'],
    [{ from: 'render/plan-text.ts', to: 'features/history/history.ts' }, 'render may not import features/*'],
    [
      { from: 'features/github/audit.ts', to: 'features/review/due.ts' },
      'a feature imports another feature (features/github → features/review)',
    ],
    [{ from: 'manifest/read.ts', to: 'rules/secrets.ts' }, 'manifest may not import rules'],
  ])('%o is refused', (edge, why) => {
    expect(violation(edge)).toBe(why);
  });

  it.each([
    [{ from: 'check/validate.ts', to: 'rules/engine.ts' }],
    [{ from: 'features/history/render.ts', to: 'features/history/history.ts' }],
    [{ from: 'cli/plan.ts', to: 'features/github/audit.ts' }],
    [{ from: 'cli.ts', to: 'cli/main.ts' }],
  ])('%o is allowed', (edge) => {
    expect(violation(edge)).toBeNull();
  });

  it('a circle of files is found', () => {
    expect(
      circles(
        ['a', 'b', 'c'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'c', to: 'a' },
        ],
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(circles(['a', 'b'], [{ from: 'a', to: 'b' }])).toEqual([]);
  });

  it('a folder outside the table is named', () => {
    expect(() => unitOf('stuff/x.ts')).toThrow(/neither a stage nor a feature/);
  });
});
