// What apply decides without a real engine: stack names per team, the parallelism bound, the
// pending-operations refusal (from an exported stack file), tombstone unprotection, per-team
// failure, and the summary. The fake engine records calls and emits engine events.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStacks, mapBounded, type Engine, type EngineStack } from '../../src/apply/driver.js';
import { pendingOperations, unprotectTombstones, urnName } from '../../src/apply/pending.js';
import type { StackProgram } from '../../src/apply/program.js';
import type { EngineEventLike } from '../../src/apply/progress.js';
import { renderApplyJson, renderApplyMarkdown, renderApplyText } from '../../src/apply/summary.js';

const INTERRUPTED = JSON.parse(
  readFileSync(new URL('./fixtures/interrupted-stack.json', import.meta.url), 'utf8'),
) as unknown;
const EMPTY_STATE = { version: 3, deployment: { manifest: {}, resources: [] } };

const program = (team: string, n = 1): StackProgram => ({
  team,
  providers: [],
  resources: Array.from({ length: n }, (_, i) => ({
    resource: {
      type: 'aws:iam/role:Role',
      name: `${team}-app${i}.aws.role`,
      identity: `${team}-app${i}`,
      team,
      provider: 'aws:123456789012',
      inputs: {},
    },
    dependsOn: [],
  })),
});

const step = (
  kind: 'resourcePreEvent' | 'resOutputsEvent' | 'resOpFailedEvent',
  op: string,
  stack: string,
  type: string,
  name: string,
): EngineEventLike => ({ [kind]: { metadata: { op, type, urn: `urn:pulumi:${stack}::idac::${type}::${name}` } } });

interface FakeOptions {
  states?: Record<string, unknown>;
  events?: Record<string, EngineEventLike[]>;
  fail?: Record<string, string>;
  openFail?: Record<string, string>;
  delayMs?: number;
}

function fakeEngine(o: FakeOptions = {}) {
  const calls: string[] = [];
  const imported: Record<string, unknown> = {};
  let running = 0;
  let maxRunning = 0;
  const engine: Engine = {
    async open(stack, prog) {
      calls.push(`open ${stack} (${prog.team})`);
      if (o.openFail?.[stack])
        throw new Error(`CommandError: code: 255\n stdout: \n stderr: error: ${o.openFail[stack]}\n`);
      const run = async (kind: string, onEvent: (e: EngineEventLike) => void): Promise<void> => {
        calls.push(`${kind} ${stack}`);
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, o.delayMs ?? 5));
        for (const e of o.events?.[stack] ?? []) onEvent(e);
        running--;
        if (o.fail?.[stack]) throw new Error(`code: 255\n stderr: error: update failed\n  ${o.fail[stack]}`);
      };
      const handle: EngineStack = {
        exportState: async () => {
          calls.push(`export ${stack}`);
          return o.states?.[stack] ?? EMPTY_STATE;
        },
        importState: async (d) => {
          calls.push(`import ${stack}`);
          imported[stack] = d;
        },
        preview: (onEvent) => run('preview', onEvent),
        up: (onEvent) => run('up', onEvent),
      };
      return handle;
    },
  };
  return { engine, calls, imported, maxRunning: () => maxRunning };
}

const base = { parallel: 4, preview: false, tombstones: new Map<string, Set<string>>() };

describe('stacks and parallelism', () => {
  it('one stack per team, named after it; every stack is opened and checked before any runs', async () => {
    const f = fakeEngine();
    const lines: string[] = [];
    const out = await applyStacks({
      ...base,
      stacks: [program('data'), program('payments'), program('platform')],
      engine: f.engine,
      print: (l) => lines.push(l),
    });
    expect(out.kind).toBe('done');
    const firstRun = f.calls.findIndex((c) => c.startsWith('up '));
    expect(
      f.calls
        .slice(0, firstRun)
        .filter((c) => c.startsWith('open'))
        .sort(),
    ).toEqual(['open data (data)', 'open payments (payments)', 'open platform (platform)']);
    expect(f.calls.slice(0, firstRun).filter((c) => c.startsWith('export')).length).toBe(3);
    expect(f.calls.filter((c) => c.startsWith('up ')).sort()).toEqual(['up data', 'up payments', 'up platform']);
    expect(out.kind === 'done' && out.teams.map((t) => [t.team, t.stack, t.status])).toEqual([
      ['data', 'data', 'ok'],
      ['payments', 'payments', 'ok'],
      ['platform', 'platform', 'ok'],
    ]);
  });

  it.each([1, 2, 3])('never more than --parallel %i stacks at once', async (n) => {
    const f = fakeEngine({ delayMs: 20 });
    await applyStacks({
      ...base,
      parallel: n,
      stacks: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((t) => program(t)),
      engine: f.engine,
      print: () => {},
    });
    expect(f.maxRunning()).toBe(n);
  });

  it('mapBounded keeps input order and runs every item once', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapBounded([30, 10, 20, 5, 15], 2, async (ms) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40, 10, 30]);
    expect(peak).toBe(2);
  });

  it('--preview previews and never calls up or edits state', async () => {
    const state = { [`payments`]: INTERRUPTED_WITHOUT_PENDING() };
    const f = fakeEngine({ states: state });
    const out = await applyStacks({
      ...base,
      preview: true,
      tombstones: new Map([['payments', new Set(['nightly-recon'])]]),
      stacks: [program('payments')],
      engine: f.engine,
      print: () => {},
    });
    expect(f.calls.filter((c) => c.startsWith('up') || c.startsWith('import'))).toEqual([]);
    expect(f.calls).toContain('preview payments');
    expect(out.kind === 'done' && out.teams[0]!.unprotected).toEqual([
      'urn:pulumi:payments::idac::aws:iam/user:User::nightly-recon.aws.user',
    ]);
  });
});

function INTERRUPTED_WITHOUT_PENDING(): unknown {
  const copy = JSON.parse(JSON.stringify(INTERRUPTED)) as { deployment: { pending_operations?: unknown } };
  delete copy.deployment.pending_operations;
  return copy;
}

describe('pending operations from a killed run', () => {
  it('are read from an exported stack', () => {
    expect(pendingOperations(INTERRUPTED)).toEqual([
      {
        urn: 'urn:pulumi:payments::idac::aws:iam/accessKey:AccessKey::ledger-writer.aws.key.g12',
        type: 'aws:iam/accessKey:AccessKey',
        op: 'creating',
      },
      {
        urn: 'urn:pulumi:payments::idac::aws:iam/rolePolicy:RolePolicy::ledger-writer.aws.policy',
        type: 'aws:iam/rolePolicy:RolePolicy',
        op: 'updating',
      },
    ]);
    expect(pendingOperations(EMPTY_STATE)).toEqual([]);
    expect(pendingOperations(null)).toEqual([]);
    expect(pendingOperations({ version: 3 })).toEqual([]);
  });

  it('refuse the whole apply before any stack runs, naming stack and operations', async () => {
    const f = fakeEngine({ states: { payments: INTERRUPTED } });
    const out = await applyStacks({
      ...base,
      stacks: [program('data'), program('payments')],
      engine: f.engine,
      print: () => {},
    });
    expect(out.kind).toBe('refused');
    expect(f.calls.filter((c) => /^(up|preview|import) /.test(c))).toEqual([]);
    const text = renderApplyText(out);
    expect(text).toContain('Refused: a previous run was interrupted and left pending operations. Nothing was applied.');
    expect(text).toContain(
      '  stack payments (team payments):\n    creating urn:pulumi:payments::idac::aws:iam/accessKey:AccessKe' +
        'y::ledger-writer.aws.key.g12\n    updating urn:pulumi:payments::idac::aws:iam/rolePolicy:RolePolicy::l' +
        'edger-writer.aws.policy',
    );
    expect(text).toContain('idac never clears pending operations itself');
    expect(JSON.parse(renderApplyJson(out))).toEqual({
      refused: 'pending-operations',
      pending: [{ team: 'payments', stack: 'payments', operations: pendingOperations(INTERRUPTED) }],
      teams: [],
    });
  });
});

describe('tombstones', () => {
  it("a decommissioned identity's protected resources are unprotected; a vanished one keeps protection", () => {
    const edit = unprotectTombstones(INTERRUPTED_WITHOUT_PENDING(), new Set(['nightly-recon']));
    expect(edit!.urns).toEqual(['urn:pulumi:payments::idac::aws:iam/user:User::nightly-recon.aws.user']);
    const resources = (edit!.deployment as { deployment: { resources: { urn: string; protect?: boolean }[] } })
      .deployment.resources;
    expect(resources.find((r) => urnName(r.urn) === 'nightly-recon.aws.user')!.protect).toBe(false);
    expect(resources.find((r) => urnName(r.urn) === 'ledger-writer.aws.role')!.protect).toBe(true);
    expect(unprotectTombstones(INTERRUPTED_WITHOUT_PENDING(), new Set(['someone-else']))).toBeNull();
    expect(unprotectTombstones(INTERRUPTED_WITHOUT_PENDING(), new Set())).toBeNull();
  });

  it('apply imports the edited state before up', async () => {
    const f = fakeEngine({ states: { payments: INTERRUPTED_WITHOUT_PENDING() } });
    const lines: string[] = [];
    await applyStacks({
      ...base,
      tombstones: new Map([['payments', new Set(['nightly-recon'])]]),
      stacks: [program('payments')],
      engine: f.engine,
      print: (l) => lines.push(l),
    });
    expect(f.calls.indexOf('import payments')).toBeLessThan(f.calls.indexOf('up payments'));
    expect(f.calls.indexOf('import payments')).toBeGreaterThan(-1);
    expect(lines).toContain(
      'payments: lifted protection of urn:pulumi:payments::idac::aws:iam/user:User::nightly-recon.aws.user ' +
        '(its identity is decommissioned)',
    );
  });
});

describe('progress and summary', () => {
  const events = (stack: string): EngineEventLike[] => [
    step('resourcePreEvent', 'same', stack, 'pulumi:pulumi:Stack', `idac-${stack}`),
    step('resourcePreEvent', 'create', stack, 'pulumi:providers:aws', 'aws-123456789012'),
    step('resOutputsEvent', 'create', stack, 'pulumi:providers:aws', 'aws-123456789012'),
    step('resourcePreEvent', 'create', stack, 'aws:iam/role:Role', 'app.aws.role'),
    step('resOutputsEvent', 'create', stack, 'aws:iam/role:Role', 'app.aws.role'),
    step('resOutputsEvent', 'same', stack, 'aws:iam/rolePolicy:RolePolicy', 'app.aws.policy'),
    step('resourcePreEvent', 'replace', stack, 'aws:iam/accessKey:AccessKey', 'app.aws.key.g3'),
    step('resOutputsEvent', 'replace', stack, 'aws:iam/accessKey:AccessKey', 'app.aws.key.g3'),
    step('resourcePreEvent', 'delete', stack, 'aws:iam/accessKey:AccessKey', 'app.aws.key.g2'),
    step('resOutputsEvent', 'delete', stack, 'aws:iam/accessKey:AccessKey', 'app.aws.key.g2'),
  ];

  it('prints each change per team and resource, and tallies applied, failed, unchanged', async () => {
    const failing: EngineEventLike[] = [
      step('resourcePreEvent', 'update', 'platform', 'vault:index/policy:Policy', 'bot.vault.policy'),
      step('resOpFailedEvent', 'update', 'platform', 'vault:index/policy:Policy', 'bot.vault.policy'),
      {
        diagnosticEvent: {
          urn: 'urn:pulumi:platform::idac::vault:index/policy:Policy::bot.vault.policy',
          message: 'error writing policy: Code: 403. Errors:\n* permission denied\u001b[31m\n',
          severity: 'error',
        },
      },
    ];
    const f = fakeEngine({
      events: { payments: events('payments'), platform: failing },
      fail: { platform: 'permission denied' },
    });
    const lines: string[] = [];
    const out = await applyStacks({
      ...base,
      parallel: 1,
      stacks: [program('payments'), program('platform')],
      engine: f.engine,
      print: (l) => lines.push(l),
    });
    expect(lines).toEqual([
      'payments: applying stack payments (1 resources)',
      'payments: + create aws:iam/role:Role app.aws.role …',
      'payments: ✓ created app.aws.role',
      'payments: +- replace aws:iam/accessKey:AccessKey app.aws.key.g3 …',
      'payments: ✓ replaced app.aws.key.g3',
      'payments: - delete aws:iam/accessKey:AccessKey app.aws.key.g2 …',
      'payments: ✓ deleted app.aws.key.g2',
      'platform: applying stack platform (1 resources)',
      'platform: ~ update vault:index/policy:Policy bot.vault.policy …',
      'platform: ✗ update failed bot.vault.policy',
      'platform: error bot.vault.policy: error writing policy: Code: 403. Errors:\\n* permission denied\\u001b[31m',
    ]);
    expect(
      out.kind === 'done' &&
        out.teams.map((t) => ({
          team: t.team,
          status: t.status,
          applied: t.tally.applied,
          failed: t.tally.failed,
          unchanged: t.tally.unchanged,
          changes: t.tally.changes,
        })),
    ).toEqual([
      {
        team: 'payments',
        status: 'ok',
        applied: 3,
        failed: 0,
        unchanged: 1,
        changes: { create: 1, replace: 1, delete: 1 },
      },
      { team: 'platform', status: 'failed', applied: 0, failed: 1, unchanged: 0, changes: {} },
    ]);
    const text = renderApplyText(out);
    expect(text).toBe(
      [
        '',
        'Apply summary:',
        '  ✓ payments             3 applied (create 1, delete 1, replace 1), 0 failed, 1 unchanged',
        '  ✗ platform             0 applied, 1 failed, 0 unchanged',
        '      bot.vault.policy: error writing policy: Code: 403. Errors:\\n* permission denied\\u001b[31m',
        '2 stacks: 3 applied, 1 failed, 1 unchanged; 1 team failed: platform.',
        '',
      ].join('\n'),
    );
  });

  it('a team that fails does not stop the others; one that cannot open is reported failed', async () => {
    const f = fakeEngine({ fail: { a: 'boom' }, openFail: { b: 'could not reach the backend' } });
    const out = await applyStacks({
      ...base,
      stacks: [program('a'), program('b'), program('c')],
      engine: f.engine,
      print: () => {},
    });
    expect(out.kind === 'done' && out.teams.map((t) => [t.team, t.status, t.error])).toEqual([
      ['a', 'failed', 'error: update failed'],
      ['b', 'failed', 'could not open the stack: error: could not reach the backend'],
      ['c', 'ok', null],
    ]);
    expect(f.calls).toContain('up c');
  });

  it('a preview prints what would change and its summary says so', async () => {
    const f = fakeEngine({ events: { payments: events('payments') } });
    const lines: string[] = [];
    const out = await applyStacks({
      ...base,
      preview: true,
      stacks: [program('payments')],
      engine: f.engine,
      print: (l) => lines.push(l),
    });
    expect(lines).toEqual([
      'payments: previewing stack payments (1 resources)',
      'payments: + would create aws:iam/role:Role app.aws.role',
      'payments: +- would replace aws:iam/accessKey:AccessKey app.aws.key.g3',
      'payments: - would delete aws:iam/accessKey:AccessKey app.aws.key.g2',
    ]);
    expect(renderApplyText(out)).toContain(
      '  ✓ payments             3 would change (create 1, delete 1, replace 1), 0 failed, 1 unchanged',
    );
    expect(JSON.parse(renderApplyJson(out))).toEqual({
      preview: true,
      teams: [
        {
          team: 'payments',
          stack: 'payments',
          status: 'ok',
          applied: 3,
          failed: 0,
          unchanged: 1,
          changes: { create: 1, delete: 1, replace: 1 },
          unprotected: [],
          warnings: [],
          error: null,
        },
      ],
    });
  });
});

describe('the job-summary Markdown', () => {
  it('keeps engine text inside code: no HTML, links, images or mentions', async () => {
    const { default: MarkdownIt } = await import('markdown-it');
    const hostile =
      '<img src=x onerror=alert(1)> [x](https://evil.example) @everyone ![p](https://t.example/p.gif) ``` | a |';
    const f = fakeEngine({
      events: { a: [{ diagnosticEvent: { message: hostile, severity: 'error' } }] },
      fail: { a: 'x' },
    });
    const out = await applyStacks({ ...base, stacks: [program('a'), program('b')], engine: f.engine, print: () => {} });
    const md = renderApplyMarkdown(out);
    const tokens = new MarkdownIt({ html: true, linkify: true })
      .parse(md, {})
      .flatMap((t) => [t, ...(t.children ?? [])]);
    expect(tokens.filter((t) => ['html_inline', 'html_block', 'link_open', 'image'].includes(t.type))).toEqual([]);
    expect(md).toContain('| `a` | `a` | **failed** | 0 | 0 | 0 |');
    expect(md).toContain('| `b` | `b` | ok | 0 | 0 | 0 |');
    const text = tokens
      .filter((t) => t.type === 'text')
      .map((t) => t.content)
      .join(' ');
    expect(text).not.toContain('@everyone');
  });
});
