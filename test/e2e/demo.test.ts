// `npm run demo` (examples/demo.mjs) on the built CLI: its output format and --keep, whose kept repo
// the closing hint's `idac plan` command runs on.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idac, root } from './cli.js';

function demo(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'examples/demo.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const kept: string[] = [];
afterAll(() => {
  for (const dir of kept) rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('--keep keeps the temp repo and prints an idac plan command that runs on it', () => {
    const r = demo(['--keep', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const dir = /the temp repo is kept at (\S+) /.exec(r.stdout)?.[1];
    expect(dir).toBeDefined();
    kept.push(dir!);
    expect(existsSync(join(dir!, '.git'))).toBe(true);
    // --format json reached the plan: the plan printed is its JSON.
    expect(r.stdout).toContain('"baseSha": ');
    const hint = /npx idac plan (.+)$/m.exec(r.stdout)?.[1];
    expect(hint).toBe(`--dir ${dir!} --base main --head change --now 2026-11-23 --format markdown`);
    const plan = idac(['plan', ...hint!.split(' ')]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('fx-rates-bot');
    // One federation change: ledger-ci's GitLab trust becomes a list with the release branch added.
    const json = JSON.parse(idac(['plan', ...hint!.split(' ').slice(0, -2), '--format', 'json']).stdout);
    const ledger = json.identities.changed.find((c: { name: string }) => c.name === 'ledger-ci');
    expect(ledger.changes.map((c: { path: string }) => c.path)).toEqual(['spec.access.aws.trust.oidc']);
    expect(ledger.changes[0].after[1].subject).toBe('project_path:acme/ledger:ref_type:branch:ref:release');
    // …which the plan reads as access: who can now become ledger-ci, shown above the fold in the comment.
    expect(json.access.gained.filter((a: { target: string }) => a.target === 'assume')).toEqual([
      {
        identity: 'ledger-ci',
        target: 'assume',
        grant: 'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release can become ledger-ci',
      },
    ]);
    expect(plan.stdout).toContain('**can now become** `ledger-ci`');
  });

  it('without --keep the temp repo is removed and the hint says how to keep it', () => {
    const r = demo(['--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('kept at');
    expect(r.stdout).toContain('add --keep to keep the temp repo');
    const dir = /\$ idac plan --dir (\S+)/.exec(r.stdout)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(dir!)).toBe(false);
  });

  it.each([
    [['--bogus'], 'demo: unknown argument --bogus'],
    [['--format', 'xml'], 'demo: --format takes text, markdown or json'],
  ])('%j is refused with its usage (exit 2)', (args, message) => {
    const r = demo(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\nusage: npm run demo -- [--format text|markdown|json] [--keep]\n`);
  });
});
