import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../e2e/cli.js';
import { registry, render } from '../../src/common/renderer.js';
import { findingsRenderers } from '../../src/render/findings-formats.js';
import { planRenderers } from '../../src/render/plan-formats.js';
import { applySummaryRenderers } from '../../src/apply/summary-formats.js';
import { reportRenderers } from '../../src/features/report/formats.js';

describe('renderer registries', () => {
  it("list each kind's formats in the order --format names them (the first is the default)", () => {
    expect(findingsRenderers.formats).toEqual(['text', 'json', 'github', 'sarif']);
    expect(findingsRenderers.only(['text', 'json', 'github']).formats).toEqual(['text', 'json', 'github']);
    expect(planRenderers.formats).toEqual(['text', 'json', 'markdown']);
    expect(applySummaryRenderers.formats).toEqual(['text', 'json', 'markdown']);
    expect(reportRenderers.formats).toEqual(['markdown', 'json', 'html', 'csv']);
  });

  it('load a renderer only when it is asked for, once', async () => {
    const loaded: string[] = [];
    const kind = registry<number, { unit: string }, 'plain' | 'json'>({
      plain: async () => (loaded.push('plain'), (n, o) => `${n} ${o.unit}`),
      json: async () => (loaded.push('json'), (n) => JSON.stringify({ n })),
    });
    expect(loaded).toEqual([]);
    expect(await render(kind, 'plain', 2, { unit: 'files' })).toBe('2 files');
    expect(await render(kind, 'plain', 3, { unit: 'files' })).toBe('3 files');
    expect((await kind.load('json')).format).toBe('json');
    expect(loaded).toEqual(['plain', 'json']);
  });
});

describe('start-up', () => {
  it(
    'idac --version loads no renderer: nothing under render/ or a registry is reached from src/cli.ts by ' +
      'static imports',
    () => {
      const src = join(root, 'src');
      const seen = new Set<string>();
      const walk = (rel: string): void => {
        if (seen.has(rel)) return;
        seen.add(rel);
        const code = readFileSync(join(src, rel), 'utf8');
        for (const m of code.matchAll(/^(?:import|export) (?!type)(?:[^;]*?from )?'(\.[^']+)\.js';/gm))
          walk(join(dirname(rel), `${m[1]}.ts`).split('\\').join('/'));
      };
      walk('cli.ts');
      expect(seen.has('cli/main.ts')).toBe(true);
      expect(
        [...seen].filter((f) => f.startsWith('render/') || /formats\.ts$|renderer\.ts$|render(-[a-z]+)?\.ts$/.test(f)),
      ).toEqual([]);
    },
  );
});
