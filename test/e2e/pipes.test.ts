// `idac … | head` for every command (issue 14 item 5): the reader leaving early is a normal end.
// Each command runs through a real bash pipeline into `head -c1`, with output large enough
// (over 64 KiB, the pipe buffer) that the write really fails with EPIPE, and once more writing
// stdout and stderr into a pipe whose reader has already exited, so that even a one-line output or
// a message on stderr meets EPIPE. Every run must end, print no stack trace or "internal error",
// and exit with the code the command has when nobody closes its pipe.

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME } from './acme.js';
import { cliPath, runAsync, STACK_TRACE, type CliResult } from './cli.js';
import { GitRepo } from './git.js';

const PIPE_BUFFER = 64 * 1024;
const NOW = ['--now', '2026-11-23'];
const N = 600;

const ORG = `apiVersion: idac/v1
kind: Organization
spec:
  securityOwners: [sec@example.com]
  githubLogins:
    owner@example.com: owner-gh
  teams:
    ops:
      github: "@example/ops"
      members: [owner@example.com, next@example.com, rev@example.com]
      boundaries:
        aws: { accounts: ["123456789012"] }
  targets:
    aws:
      "123456789012": { region: eu-west-1 }
  limits:
    maxLifetime: 365d
    reviewEvery: 90d
    rotation:
      aws-access-key: 90d
`;

/**
 * One of many alike: owned by the same person, overdue for review (an error), a rotated access key, the same bucket.
 */
const identity = (name: string): string => `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: ${name}
spec:
  type: workload
  purpose: Synthetic identity ${name} that uploads the nightly reports of the operations team to the shared bucket.
  stewardship:
    owner: owner@example.com
    successor: next@example.com
    team: ops
  expires: 2026-12-01
  review:
    lastReviewed: 2026-06-01
    reviewer: rev@example.com
  rotation:
    period: 60d
    overlap: 3d
  access:
    aws:
      account: "123456789012"
      principal: user
      permissions:
        - actions: [s3:PutObject, s3:GetObject]
          resources: [arn:aws:s3:::shared-reports/*]
`;

const nameOf = (i: number): string => `svc-${String(i).padStart(5, '0')}-nightly-report-uploader`;

/** A git repository: the organization alone, then N identities in one commit. */
function fleet(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-pipes-'));
  mkdirSync(join(dir, 'identities/ops'), { recursive: true });
  writeFileSync(join(dir, 'identities/org.yaml'), ORG);
  const repo = GitRepo.init(dir);
  repo.commit('org');
  for (let i = 0; i < N; i++) repo.write(`identities/ops/${nameOf(i)}.yaml`, identity(nameOf(i)));
  repo.commit('fleet');
  return dir;
}

/** bash -c SCRIPT with the CLI's command line as "$@"; stdout and stderr of bash captured. */
const bash = (script: string, cwd: string, args: string[], env: Record<string, string>): Promise<CliResult> =>
  runAsync('bash', ['-c', script, 'bash', process.execPath, cliPath, ...args], { cwd, env });

/** The command with nobody closing its pipe: its exit code and how much it writes. */
const plain = (cwd: string, args: string[], env: Record<string, string>) => bash('"$@"', cwd, args, env);

/** `idac … | head -c1`: the CLI's stderr stays ours; bash prints the CLI's status. */
const intoHead = (cwd: string, args: string[], env: Record<string, string>) =>
  bash('"$@" | head -c1 >/dev/null; echo "${PIPESTATUS[0]}"', cwd, args, env);

/**
 * stdout and stderr into a pipe (a FIFO) whose only reader, head, has read one byte and exited
 * before the CLI starts: the CLI's first write of either fails with EPIPE, whatever its size.
 */
const intoGoneReader = (cwd: string, args: string[], env: Record<string, string>) =>
  bash(
    [
      'f=$(mktemp -u) && mkfifo "$f" || exit 99',
      'head -c1 <"$f" >/dev/null & reader=$!',
      'exec 3>"$f"; rm -f "$f"; printf x >&3; wait "$reader"',
      '"$@" >&3 2>&3; echo "$?"',
    ].join('\n'),
    cwd,
    args,
    env,
  );

/** A loopback GitHub that accepts the plan comment and the audit issue. */
let server: Server;
let api = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path === '/user') return send(200, { login: 'idac-bot' });
      if (req.method === 'GET') return send(200, []);
      if (path.endsWith('/comments'))
        return send(201, {
          id: 1,
          body: '',
          user: { login: 'idac-bot' },
          html_url: 'https://github.example/o/r/pull/7#issuecomment-1',
        });
      return send(201, {
        number: 1,
        title: '',
        body: '',
        state: 'open',
        user: { login: 'idac-bot' },
        html_url: 'https://github.example/o/r/issues/1',
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let big = '';
/** A fresh copy of the fleet for the commands that edit the repository (each run gets its own). */
function freshCopy(): string {
  const to = mkdtempSync(join(tmpdir(), 'idac-pipes-copy-'));
  cpSync(big, to, { recursive: true });
  return to;
}
let acmePlan = '';
let acme = '';
beforeAll(() => {
  big = fleet();
  // acme at one commit with its reviewed plan: apply --plan prints that the plan matches, then
  // goes on (and stops at the missing Pulumi CLI, exit 2) — output first, the exit code later.
  acme = mkdtempSync(join(tmpdir(), 'idac-pipes-acme-'));
  cpSync(ACME, acme, { recursive: true });
  GitRepo.init(acme).commit('acme');
  acmePlan = join(acme, '..', `${acme.split('/').at(-1)}.plan.json`);
});

interface Case {
  args: string[];
  /** The exit code without a pipe; the pipe runs must give the same. */
  code: number;
  /** The output exceeds the pipe buffer, so `| head -c1` meets EPIPE mid-write. */
  large?: boolean;
  /** Where it runs: the fleet (default), a fresh copy of it per run, or acme. */
  at?: 'fleet' | 'copy' | 'acme' | 'nowhere';
  env?: () => Record<string, string>;
}

const gh = (): Record<string, string> => ({
  GITHUB_TOKEN: 'user-token',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_API_URL: api,
});

const CASES: Case[] = [
  { args: ['validate', ...NOW], code: 1, large: true },
  { args: ['validate', ...NOW, '--format', 'json', '--max-findings', '5000'], code: 1, large: true },
  { args: ['validate', '--dir', '/nonexistent/idac'], code: 2 },
  // The head has error findings (reviews overdue): the plan is printed in full and exits 1.
  ...['text', 'json'].map((f) => ({
    args: ['plan', ...NOW, '--base', 'HEAD~1', '--head', 'HEAD', '--format', f],
    code: 1,
    large: true,
  })),
  { args: ['apply', ...NOW], code: 1 }, // the repository has errors: findings on stderr, exit 1
  // the plan matches (stdout), then no Pulumi CLI (stderr)
  { args: ['apply', ...NOW, '--plan', 'PLAN'], code: 2, at: 'acme' },
  { args: ['codeowners', ...NOW], code: 0, at: 'copy' },
  { args: ['codeowners', '--check', ...NOW], code: 1 },
  { args: ['github', 'comment', '--plan', 'identities/org.yaml', '--pr', '7', ...NOW], code: 0, env: gh },
  { args: ['github', 'comment', '--plan', 'identities/org.yaml', '--pr', '7', ...NOW], code: 2 }, // no GITHUB_TOKEN
  { args: ['github', 'audit', '--dry-run', ...NOW], code: 0, large: true },
  { args: ['github', 'audit', ...NOW], code: 0, env: gh },
  { args: ['rotation', ...NOW], code: 0, large: true },
  { args: ['revoke', nameOf(7), '--reason', 'INC-1', ...NOW], code: 0, at: 'copy' },
  { args: ['revoke', 'no-such-identity', '--reason', 'INC-1', ...NOW], code: 2 },
  ...['text', 'json'].map((f) => ({ args: ['history', '--all', ...NOW, '--format', f], code: 0, large: true })),
  { args: ['history', nameOf(1), ...NOW], code: 0 },
  ...['markdown', 'json', 'html', 'csv'].map((f) => ({
    args: ['report', ...NOW, '--format', f],
    code: 0,
    large: true,
  })),
  { args: ['who-can', 's3:GetObject', 'arn:aws:s3:::shared-reports/x', ...NOW], code: 0, large: true },
  { args: ['who-can', '--identity', nameOf(3), ...NOW], code: 0 },
  { args: ['offboard', 'owner@example.com', ...NOW], code: 0, large: true },
  { args: ['offboard', 'owner@example.com', '--write', '--successor', 'rev@example.com', ...NOW], code: 0, at: 'copy' },
  { args: ['review', ...NOW, '--format', 'json'], code: 1, large: true },
  { args: ['review', 'attest', nameOf(2), '--reviewer', 'rev@example.com', ...NOW], code: 0, at: 'copy' },
  { args: ['rules'], code: 0, at: 'nowhere' },
  { args: ['rules', '--format', 'json'], code: 0, at: 'nowhere', large: true },
  { args: ['rules', 'aws/no-wildcard-action'], code: 0, at: 'nowhere' },
  { args: ['--help'], code: 0, at: 'nowhere' },
  { args: ['review', 'attest', '--help'], code: 0, at: 'nowhere' },
  { args: ['--version'], code: 0, at: 'nowhere' },
  { args: ['no-such-command'], code: 2, at: 'nowhere' },
];

async function where(c: Case): Promise<{ cwd: string; args: string[] }> {
  if (c.at === 'acme') {
    // The reviewed plan: idac plan --format json at this revision (made again for each run).
    const r = await plain(acme, ['plan', ...NOW, '--base', 'HEAD', '--format', 'json', '--out', acmePlan], {});
    expect(r.code, r.stderr).toBe(0);
    return { cwd: acme, args: c.args.map((a) => (a === 'PLAN' ? acmePlan : a)) };
  }
  if (c.at === 'copy') return { cwd: freshCopy(), args: c.args };
  if (c.at === 'nowhere') return { cwd: tmpdir(), args: c.args };
  return { cwd: big, args: c.args };
}

describe('idac … | head: every command ends quietly with its own exit code', () => {
  it.each(CASES.map((c) => [c.args.join(' '), c] as const))('%s', async (_name, c) => {
    const env = c.env?.() ?? {};
    const base = await where(c);
    const normal = await plain(base.cwd, base.args, env);
    expect(normal.code, normal.stderr).toBe(c.code);
    if (c.large) expect(normal.stdout.length).toBeGreaterThan(PIPE_BUFFER);
    for (const run of [intoHead, intoGoneReader]) {
      const at = await where(c);
      const r = await run(at.cwd, at.args, env);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).not.toMatch(/internal error|EPIPE|ERR_STREAM/);
      expect(r.stdout.trim(), `${run.name}: ${r.stderr}`).toBe(String(c.code));
      expect(r.code).toBe(0);
    }
  });

  it('a write that fails for another reason (a full disk) is exit 2 with the reason, not a stack trace', async () => {
    const r = await bash('"$@" >/dev/full', tmpdir(), ['rules'], {});
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: cannot write the output to stdout: ENOSPC: no space left on device, write\n',
    });
  });
});
