// Doors a reviewer found still open after the every-command test (issue 14, item 1): a secret
// assembled by YAML escapes, a secret in an edit command's argument, an edit of a manifest that holds
// a secret, a plan file posted as it is, a secret one file reveals and another repeats (in a GitHub
// request body and CODEOWNERS), git commit metadata, and an argument echoed in a message. Each case
// runs the built CLI on its own copy of examples/acme.
//
// Runs dist/cli.js: `npm test` builds it first; alone, run `npx tsc -p .` before this file.

import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { idacAsync, root, STACK_TRACE, type CliResult } from '../e2e/cli.js';
import { GitRepo, git } from '../e2e/git.js';
import { acceptingGitHub, type AcceptingGitHub } from './accepting-github.js';
import { fake, mixed } from './fakes.js';

const NOW = '2026-11-23';
const TOKEN = fake.github('ghp', 'doors');
const shown = (s: string) => `[secret ${createHash('sha256').update(s).digest('hex').slice(0, 8)}]`;
/** Every 12-character window of a secret. */
const windows = (s: string) => Array.from({ length: s.length - 11 }, (_, i) => s.slice(i, i + 12));
const leaked = (text: string, secret = TOKEN) => windows(secret).filter((w) => text.includes(w));

const repos: GitRepo[] = [];
function acme(): GitRepo {
  const r = GitRepo.fromFolder(join(root, 'examples/acme'));
  repos.push(r);
  return r;
}
function run(r: GitRepo, args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return idacAsync([...args, '--dir', r.dir, '--now', NOW], {
    cwd: r.dir,
    env: { NO_COLOR: '1', GITHUB_TOKEN: undefined, ...env },
  });
}

// A loopback GitHub that accepts whatever idac sends and keeps every request body.
let github: AcceptingGitHub;
beforeAll(async () => void (github = await acceptingGitHub()));
afterAll(async () => {
  await new Promise<void>((r) => github.server.close(() => r()));
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});
afterEach(() => void github.bodies.splice(0));
const gh = () => ({ GITHUB_TOKEN: 'user-token', GITHUB_REPOSITORY: 'acme/identities', GITHUB_API_URL: github.url });

const PURPOSE = /\n {2}purpose: .*\n/;

describe('doors the every-command test did not open', () => {
  it(
    'a secret assembled by YAML escapes (a line continuation, ' +
      '\\x5f) is found where it is written and never printed',
    async () => {
      const r = acme();
      r.write(
        'identities/platform/release-bot.yaml',
        r
          .read('identities/platform/release-bot.yaml')
          .replace(PURPOSE, `\n  purpose: "deploy token ${TOKEN.slice(0, 20)}\\\n    ${TOKEN.slice(20)} here"\n`),
      );
      r.write(
        'identities/platform/ci-deployer.yaml',
        r.read('identities/platform/ci-deployer.yaml').replace(PURPOSE, `\n  purpose: "ghp\\x5f${TOKEN.slice(4)}"\n`),
      );
      r.commit('escaped');
      const v = await run(r, ['validate', '--format', 'json']);
      const findings = (
        JSON.parse(v.stdout) as { findings: { rule: string; file: string; line: number; message: string }[] }
      ).findings.filter((f) => f.rule === 'secret/github-token');
      expect(findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual([
        'identities/platform/ci-deployer.yaml:8',
        'identities/platform/release-bot.yaml:8',
      ]);
      expect(findings[0]!.message).toContain(createHash('sha256').update(TOKEN).digest('hex').slice(0, 8));
      for (const format of ['json', 'html', 'csv', 'markdown']) {
        const out = await run(r, ['report', '--format', format]);
        expect(leaked(out.stdout + out.stderr), format).toEqual([]);
        if (format === 'json') expect(out.stdout).toContain(shown(TOKEN));
      }
      const base = git(r.dir, 'rev-parse', 'HEAD~1');
      for (const args of [
        ['history', 'ci-deployer', '--format', 'json'],
        ['history', '--all', '--format', 'markdown'],
        ['plan', '--base', base, '--format', 'json'],
        ['plan', '--base', base, '--format', 'markdown'],
        ['who-can', '--identity', 'ci-deployer', '--format', 'json'],
        ['review', '--format', 'json', '--due', '3650d'],
        ['offboard', 'erin@acme.example', '--format', 'json'],
      ]) {
        const out = await run(r, args);
        expect(leaked(out.stdout + out.stderr), args.join(' ')).toEqual([]);
      }
    },
  );

  it(
    'an edit never writes a secret the user gave (--reason, --reviewer, --successor): exit 1, the option ' +
      'named, nothing written',
    async () => {
      const r = acme();
      const cases = [
        { args: ['revoke', 'ci-deployer', '--reason', `INC-1 ${TOKEN}`], option: '--reason' },
        { args: ['review', 'attest', 'ci-deployer', '--reviewer', `${TOKEN}@acme.example`], option: '--reviewer' },
        {
          args: ['offboard', 'erin@acme.example', '--write', '--successor', `${TOKEN}@acme.example`],
          option: '--successor',
        },
      ];
      for (const c of cases) {
        const res = await run(r, c.args);
        expect(res.code, `${c.option}: ${res.stderr}`).toBe(1);
        expect(res.stderr).toContain(`${c.option} holds a secret`);
        expect(leaked(res.stdout + res.stderr)).toEqual([]);
        expect(git(r.dir, 'status', '--porcelain')).toBe('');
      }
    },
  );

  it(
    'review attest and offboard --write edit a manifest that holds a secret: the secret stays as it was, no ' +
      'fingerprint written',
    async () => {
      const r = acme();
      const file = 'identities/platform/ci-deployer.yaml';
      r.write(file, r.read(file).replace(PURPOSE, `\n  purpose: deploys with ${TOKEN} for now\n`));
      r.edit('identities/org.yaml', 'members: [erin@acme.example,', 'members: [ivy@acme.example, erin@acme.example,');
      r.commit('secret');
      const attest = await run(r, ['review', 'attest', 'ci-deployer', '--reviewer', 'alice@acme.example']);
      expect(attest.code, attest.stderr).toBe(0);
      const off = await run(r, [
        'offboard',
        'erin@acme.example',
        '--write',
        '--successor',
        'platform=ivy@acme.example',
      ]);
      expect(off.code, off.stderr).toBe(0);
      const text = r.read(file);
      expect(text).toContain(`purpose: deploys with ${TOKEN} for now`);
      expect(text).toContain('reviewer: alice@acme.example');
      expect(text).not.toContain('[secret');
      expect(leaked(attest.stdout + attest.stderr + off.stdout + off.stderr)).toEqual([]);
    },
  );

  it('github comment refuses a plan file that holds a secret: exit 1, nothing sent', async () => {
    const r = acme();
    const plan = join(r.dir, 'p.md');
    writeFileSync(plan, `<!-- idac-plan -->\n## Plan\nuses ${TOKEN}\n`);
    const res = await run(r, ['github', 'comment', '--plan', plan, '--pr', '7'], gh());
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).toContain('holds a secret');
    expect(leaked(res.stdout + res.stderr)).toEqual([]);
    expect(github.bodies).toEqual([]);
  });

  it(
    'a secret one file reveals and another repeats unflagged ' +
      'is withheld in the audit issue sent and in CODEOWNERS',
    async () => {
      const r = acme();
      const password = mixed(20, 'doors-password');
      r.write(
        'identities/platform/release-bot.yaml',
        `${r.read('identities/platform/release-bot.yaml')}# db_password=${password}\n`,
      );
      const owner = /owner: (\S+)/.exec(r.read('identities/platform/ci-deployer.yaml'))![1]!;
      r.edit('identities/platform/ci-deployer.yaml', `owner: ${owner}`, `owner: ${password}@acme.example`);
      r.commit('repeat');
      const audit = await run(r, ['github', 'audit', '--window', '400d'], gh());
      expect([0, 1], audit.stderr).toContain(audit.code);
      expect(github.bodies.length).toBeGreaterThan(0);
      expect(leaked(github.bodies.join('\n'), password)).toEqual([]);
      const co = await run(r, ['codeowners']);
      expect(co.code, co.stderr).toBe(0);
      const codeowners = readFileSync(join(r.dir, '.github/CODEOWNERS'), 'utf8');
      expect(leaked(codeowners, password)).toEqual([]);
      expect(codeowners).not.toContain('[secret');
      expect(codeowners).not.toContain('ci-deployer.yaml');
    },
  );

  it('history withholds a secret in a commit author, e-mail or subject', async () => {
    const r = acme();
    r.edit('identities/platform/ci-deployer.yaml', 'criticality: high', 'criticality: medium');
    git(r.dir, 'commit', '-qam', `rotate ${TOKEN}`, `--author=${TOKEN} <${TOKEN}@acme.example>`);
    for (const format of ['text', 'json', 'markdown']) {
      const res = await run(r, ['history', 'ci-deployer', '--format', format]);
      expect(res.code, res.stderr).toBe(0);
      expect(leaked(res.stdout + res.stderr), format).toEqual([]);
      expect(res.stdout, format).toContain(shown(TOKEN));
    }
  });

  it(
    'a schema message that quotes a key holding a secret ' + 'shows the fingerprint, as every other message does',
    async () => {
      const r = acme();
      r.edit('identities/platform/ci-deployer.yaml', '  type: pipeline\n', `  type: pipeline\n  ${TOKEN}: x\n`);
      const v = await run(r, ['validate', '--format', 'json']);
      const unknown = (JSON.parse(v.stdout) as { findings: { rule: string; message: string }[] }).findings.find(
        (f) => f.rule === 'schema/unknown-key',
      );
      expect(unknown?.message).toContain(`unknown key ${shown(TOKEN)} in spec`);
    },
  );

  it(
    'an argument that is a secret is never echoed (who-can --identity, validate PATH, history, offboard, ' +
      'review --owner, revoke, rules)',
    async () => {
      const r = acme();
      for (const args of [
        ['who-can', '--identity', TOKEN],
        ['validate', TOKEN],
        ['history', TOKEN],
        ['offboard', `${TOKEN}@acme.example`],
        ['review', '--owner', TOKEN],
        ['revoke', TOKEN, '--reason', 'INC-1'],
        ['rules', TOKEN],
      ]) {
        const res = await run(r, args);
        expect(STACK_TRACE.test(res.stdout + res.stderr)).toBe(false);
        expect(leaked(res.stdout + res.stderr), args.join(' ')).toEqual([]);
      }
    },
  );
});
