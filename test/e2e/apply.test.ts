// idac apply through the built CLI: everything decided before the engine (validation, teams,
// targets, the reviewed plan's fingerprint, the secrets preflight), and exit 2 with what to install
// when the Pulumi CLI is missing. Runs with a PATH holding only node and git, so these cases mean
// the same on a machine that has pulumi. The cases that need the real CLI skip, with the reason,
// where it is absent.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { git, GitRepo } from './git.js';

const NOW = '2026-11-23T09:00:00Z';
const ACME = join(root, 'examples/acme');

/** A bin folder with node and git only. */
function bareBin(): string {
  const bin = mkdtempSync(join(tmpdir(), 'idac-bin-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const gitPath = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  symlinkSync(gitPath, join(bin, 'git'));
  return bin;
}
const BIN = bareBin();
const NO_PULUMI = {
  PATH: BIN,
  PULUMI_BACKEND_URL: undefined,
  PULUMI_CONFIG_PASSPHRASE: undefined,
  PULUMI_CONFIG_PASSPHRASE_FILE: undefined,
  IDAC_SECRETS_PROVIDER: undefined,
};

const hasPulumi = spawnSync('pulumi', ['version'], { encoding: 'utf8' }).status === 0;
const SKIP_REASON =
  'the pulumi CLI is not on PATH (the Automation API runs it; it cannot be installed on this machine)';
// Visible in every reporter's output, not only the verbose one.
if (!hasPulumi) console.warn(`test/e2e/apply.test.ts: the real-engine case is skipped: ${SKIP_REASON}`);

/** No pulumi on PATH, and no state or secrets settings from the machine running the tests. */
function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...NO_PULUMI, ...extra };
}

describe('idac apply without the Pulumi CLI', () => {
  it('exits 2 and says what to install; nothing applied, no stack trace', () => {
    const r = idac(['apply', '--dir', ACME, '--now', NOW], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: idac apply needs the Pulumi CLI, and `pulumi` is not on PATH: install it ' +
        '(https://www.pulumi.com/docs/iac/download-install/: `curl -fsSL https://get.pulumi.com | sh`, or ' +
        '`pulumi/actions` in GitHub Actions) and make sure `pulumi version` works. Nothing was applied.\n',
    );
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('the same with --preview and --format json', () => {
    const r = idac(['apply', '--dir', ACME, '--now', NOW, '--preview', '--format', 'json'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`pulumi` is not on PATH');
    expect(r.stdout).toBe('');
  });
});

describe('decided before the engine', () => {
  it('a repository with errors is not applied (exit 1), with its findings', () => {
    const r = idac(['apply', '--dir', join(root, 'examples/risky'), '--now', NOW], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /idac apply: the repository has \d+ errors \(idac validate shows them all\)\. Nothing was applied\.\n$/,
    );
    expect(r.stderr).toMatch(/identities\/[a-z-]+\/[a-z-]+\.yaml:\d+:\d+/);
    expect(r.stderr).not.toContain('pulumi');
  });

  it.each([
    [['--team', 'nope'], '--team "nope" is not a team in org.yaml (teams: data, payments, platform)'],
    [['--team', 'data,ghost'], '--team "ghost" is not a team in org.yaml (teams: data, payments, platform)'],
    [
      ['--team', 'paymnts'],
      '--team "paymnts" is not a team in org.yaml; did you mean payments? (teams: data, payments, platform)',
    ],
    [['--parallel', 'x'], '--parallel must be a whole number, not "x"'],
    [['--parallel', '0'], '--parallel must be at least 1'],
    [['--format', 'xml'], '--format must be one of text, json, markdown, not "xml"'],
    [['--plan', '/nonexistent/plan.json'], '--plan /nonexistent/plan.json: no such file'],
  ])('%j → exit 2', (args, message) => {
    const r = idac(['apply', '--dir', ACME, '--now', NOW, ...args], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`idac: ${message}\n`);
  });

  it('a self-managed backend without a passphrase or secrets provider stops before anything runs', () => {
    const state = mkdtempSync(join(tmpdir(), 'idac-state-'));
    const r = idac(['apply', '--dir', ACME, '--now', NOW], { env: env({ PULUMI_BACKEND_URL: `file://${state}` }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `idac: the state backend file://${state} keeps secrets encrypted with a passphrase: set ` +
        `PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE), or pass --secrets-provider awskms://…, ` +
        `hashivault://… or gcpkms://…. Nothing was applied.\n`,
    );
    // With a passphrase it gets as far as the engine.
    const ok = idac(['apply', '--dir', ACME, '--now', NOW], {
      env: env({ PULUMI_BACKEND_URL: `file://${state}`, PULUMI_CONFIG_PASSPHRASE: 'x' }),
    });
    expect(ok.stderr).toContain('`pulumi` is not on PATH');
  });

  it('a target org.yaml does not configure is named, per team', () => {
    const repo = GitRepo.fromFolder(ACME);
    repo.edit('identities/org.yaml', '      address: https://vault.acme.example:8200\n', '');
    const r = idac(['apply', '--dir', repo.dir, '--now', NOW], { env: env() });
    // validate may already flag it; either way nothing is applied and the reason is named.
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/targets\.vault\.address|vault/);
    expect(r.stderr).toContain('Nothing was applied');
  });
});

describe('--plan: apply only what was reviewed', () => {
  /** main, then a pull request branch widening one grant, its plan, and the merge. */
  function reviewed(): { repo: GitRepo; plan: string } {
    const repo = GitRepo.fromFolder(ACME);
    repo.branch('change');
    repo.edit(
      'identities/payments/settlement-reader.yaml',
      'actions: [s3:GetObject, s3:ListBucket]',
      'actions: [s3:GetObject*, s3:ListBucket]',
    );
    repo.commit('payments: widen settlement-reader (#7)');
    const plan = join(mkdtempSync(join(tmpdir(), 'idac-planfile-')), 'plan.json');
    const p = idac(['plan', '--dir', repo.dir, '--base', 'main', '--now', NOW, '--format', 'json', '--out', plan], {
      env: env(),
    });
    expect(p.code).toBe(0);
    git(repo.dir, 'checkout', '-q', 'main');
    git(repo.dir, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #7 from acme/change', 'change');
    return { repo, plan };
  }

  it('the merged revision matches: the check passes and apply goes on to the engine', () => {
    const { repo, plan } = reviewed();
    const r = idac(['apply', '--dir', repo.dir, '--now', NOW, '--plan', plan], { env: env() });
    expect(r.stdout).toMatch(/^plan .*plan\.json matches this revision \(fingerprint [0-9a-f]{12}\)\n$/);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`pulumi` is not on PATH');
  });

  it('another change landed after the review: refused (exit 1), naming what was not reviewed', () => {
    const { repo, plan } = reviewed();
    repo.edit('identities/platform/release-bot.yaml', '  access:\n', '  status: suspended\n  access:\n');
    repo.commit('platform: suspend release-bot (#8)');
    const r = idac(['apply', '--dir', repo.dir, '--now', NOW, '--plan', plan], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^idac apply: refused — the plan in .*plan\.json no longer matches this revision \(fingerprint ` +
          String.raw`[0-9a-f]{12} reviewed, [0-9a-f]{12} now, from base [0-9a-f]{12}\):\n`,
      ),
    );
    expect(r.stderr).toContain(
      '  not reviewed: delete kubernetes:rbac.authorization.k8s.io/v1:RoleBinding release-bot.k8s.role-binding',
    );
    expect(r.stderr).toContain('Nothing was applied.');
    expect(r.stdout).toBe('');
  });

  it('a file that is not a plan is a usage error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'idac-planfile-')), 'plan.json');
    writeFileSync(file, '{"hello": "world"}');
    const r = idac(['apply', '--dir', ACME, '--now', NOW, '--plan', file], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'is not an idac plan (no fingerprint or baseSha): write it with `idac plan --format json --out',
    );
  });
});

describe('with the real Pulumi CLI', () => {
  it("opens one team's stack in a local file backend and previews it", (ctx) => {
    if (!hasPulumi) ctx.skip(SKIP_REASON);
    const repo = GitRepo.fromFolder(ACME);
    const state = join(repo.dir, '.state');
    mkdirSync(state);
    const e = {
      PATH: process.env.PATH ?? '',
      PULUMI_BACKEND_URL: `file://${state}`,
      PULUMI_CONFIG_PASSPHRASE: 'test-only',
    };
    // Without cloud credentials the providers may fail the preview (exit 1); the stack, its name and the report are
    // what is checked.
    const r = idac(['apply', '--dir', repo.dir, '--now', NOW, '--team', 'data', '--preview', '--format', 'json'], {
      env: e,
    });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout) as { preview: boolean; teams: { team: string; stack: string }[] };
    expect(out.preview).toBe(true);
    expect(out.teams.map((t) => [t.team, t.stack])).toEqual([['data', 'data']]);
  });
});
