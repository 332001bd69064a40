// A secret never leaves through any door (issue 14, item 1): one repository — a copy of
// examples/acme in git — seeded with every credential format the secret/* rules know, in every
// place one ends up (free-text values, mapping keys, comments, an owner, a successor and a security
// owner, an ARN, a Vault path, a cost centre, a team's GitHub handle, file and folder names, and an
// earlier commit), then every command in every format, writing whatever it writes. validate must
// find each planted secret; no stdout, stderr, file written or changed (CODEOWNERS, --out files,
// edited manifests) and no request sent to the (loopback) GitHub API may carry any 12 characters of
// one, nor a stack trace.
//
// Runs dist/cli.js: `npm test` builds it first; alone, run `npx tsc -p .` before this file.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idacAsync, root, STACK_TRACE, type CliResult } from '../e2e/cli.js';
import { GitRepo, git } from '../e2e/git.js';
import { acceptingGitHub, type AcceptingGitHub } from './accepting-github.js';
import { CREDENTIALS } from './credentials.js';
import { fake } from './fakes.js';

const NOW = '2026-11-23';
const ORG = 'identities/org.yaml';

/** Where validate must report a planted secret: the file (as printed) and the rule. */
interface Expected {
  what: string;
  file: string;
  rule: string;
}

/** Secrets planted only in names and history, beyond CREDENTIALS. */
const FILE_NAMES = [
  { folder: 'platform', secret: fake.github('ghp', 'file-name'), rule: 'secret/github-token' },
  { folder: 'data', secret: fake.awsKeyId('file-name'), rule: 'secret/aws-access-key-id' },
  { folder: 'payments', secret: fake.slack('file-name'), rule: 'secret/known-credential' },
  { folder: 'platform', secret: fake.jwt('file-name'), rule: 'secret/jwt' },
];
const FOLDER_NAME = { secret: fake.npm('folder-name'), rule: 'secret/known-credential' };
const HISTORY_VALUE = fake.vaultBatch('history');
const HISTORY_FILE_NAME = fake.github('gho', 'history-name');
const OWNER = fake.github('ghp', 'owner');
const SUCCESSOR = fake.awsKeyId('successor');
const SECURITY_OWNER = fake.shopify('security-owner');
const TEAM_HANDLE = fake.github('ghs', 'team-handle');
const ARN = fake.linear('arn');
const VAULT_PATH = fake.vaultService('vault-path');
const COST_CENTER = fake.vaultLegacy('cost-center');
const OFFBOARD_COMMENT = fake.slack('offboard-context');
const REVOKE_COMMENT = fake.anthropic('revoke-context');
const ATTEST_COMMENT = fake.npm('attest-context');

const ALL_SECRETS = [
  ...CREDENTIALS.map((c) => c.secret),
  ...FILE_NAMES.map((f) => f.secret),
  FOLDER_NAME.secret,
  HISTORY_VALUE,
  HISTORY_FILE_NAME,
  OWNER,
  SUCCESSOR,
  SECURITY_OWNER,
  TEAM_HANDLE,
  ARN,
  VAULT_PATH,
  COST_CENTER,
  OFFBOARD_COMMENT,
  REVOKE_COMMENT,
  ATTEST_COMMENT,
];

/**
 * Every 12-character window of every secret (of each line, for keys), less those the example
 * already holds without any secret (`acme.example` of a URL with a password is the host, not the password).
 */
const WINDOWS = (() => {
  const clean = [...snapshot([join(root, 'examples/acme')]).values()].join('\n');
  const out = new Set<string>();
  for (const s of ALL_SECRETS)
    for (const line of s.split('\n')) for (let i = 0; i + 12 <= line.length; i++) out.add(line.slice(i, i + 12));
  return [...out].filter((w) => !clean.includes(w));
})();

const fingerprint = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);
const withheld = (s: string) => `[secret ${fingerprint(s)}]`;

function leaks(text: string): string[] {
  const found = WINDOWS.filter((w) => text.includes(w));
  // The lines that leak, the windows marked ⟦…⟧ (the secrets are fakes).
  return text
    .split('\n')
    .filter((l) => found.some((w) => l.includes(w)))
    .map((l) => found.reduce((a, w) => a.split(w).join(`⟦${w}⟧`), l).slice(0, 400));
}

let repo: GitRepo;
let out: string;
let baseSha: string;
let leakSha: string;
const expected: Expected[] = [];

function edit(file: string, from: string, to: string): void {
  repo.edit(file, from, to);
}

function plant(): void {
  // An earlier commit: a value and a file name that the next commit removes again.
  const recon = 'identities/payments/nightly-recon.yaml';
  const clean = repo.read(recon);
  repo.write(
    recon,
    clean.replace(/purpose: (.*)\n/, (_m, p: string) => `purpose: ${p} Token ${HISTORY_VALUE} for now.\n`),
  );
  repo.write(
    `identities/data/${HISTORY_FILE_NAME}.yaml`,
    repo.read('identities/data/report-exporter.yaml').replace('name: report-exporter', 'name: report-exporter-old'),
  );
  leakSha = repo.commit('leak');
  repo.write(recon, clean).remove(`identities/data/${HISTORY_FILE_NAME}.yaml`);
  repo.commit('clean up');

  // Every credential in a free-text value (purpose), round robin over the valid identities, and in a
  // comment of org.yaml; those known on their own also as mapping keys (which make legacy-etl invalid).
  const valid = [
    'payments/settlement-reader',
    'payments/ledger-writer',
    'payments/nightly-recon',
    'platform/ci-deployer',
    'platform/edge-gateway',
    'platform/release-bot',
    'data/report-exporter',
    'data/support-assistant',
  ].map((n) => `identities/${n}.yaml`);
  const notes = new Map<string, string[]>();
  let orgComments = '';
  let keys = '';
  CREDENTIALS.forEach((c, i) => {
    const inline = (c.inline ?? ((s: string) => s))(c.secret);
    if (c.multiline) {
      orgComments += `# break-glass key:\n${c.secret
        .split('\n')
        .map((l) => `#   ${l}`)
        .join('\n')}\n`;
      expected.push({ what: `${c.name} in an org.yaml comment`, file: ORG, rule: c.rule });
      const file = 'identities/platform/release-bot.yaml';
      repo.write(
        file,
        `${repo.read(file)}# old deploy key:\n${c.secret
          .split('\n')
          .map((l) => `# ${l}`)
          .join('\n')}\n`,
      );
      expected.push({ what: `${c.name} in a comment`, file, rule: c.rule });
      return;
    }
    const file = valid[i % valid.length]!;
    notes.set(file, [...(notes.get(file) ?? []), inline]);
    expected.push({ what: `${c.name} in a value`, file, rule: c.rule });
    orgComments += `# note ${inline}\n`;
    expected.push({ what: `${c.name} in an org.yaml comment`, file: ORG, rule: c.rule });
    if (c.bare !== null) {
      keys += `  ${c.secret}: x\n`;
      expected.push({ what: `${c.name} as a key`, file: 'identities/data/legacy-etl.yaml', rule: c.bare ?? c.rule });
    }
  });
  for (const [file, inlines] of notes) {
    const text = repo
      .read(file)
      .replace(
        /\n {2}purpose: (.*)\n/,
        (_m, p: string) => `\n  purpose: ${JSON.stringify(`${p} Notes: ${inlines.join(' ; ')}`)}\n`,
      );
    if (/purpose: "(.*)"/.exec(text)![1]!.length > 1000)
      throw new Error(`${file}: purpose over 1000 characters: spread the credentials wider`);
    repo.write(file, text);
  }
  edit('identities/data/legacy-etl.yaml', '  type: workload\n', `  type: workload\n${keys}`);
  repo.write(ORG, `${repo.read(ORG)}${orgComments}`);

  // Owner, successor, security owner, a team's handle, an ARN, a Vault path, a cost centre.
  edit('identities/data/report-exporter.yaml', 'owner: heidi@acme.example', `owner: ${OWNER}@acme.example`);
  expected.push({ what: 'owner', file: 'identities/data/report-exporter.yaml', rule: 'secret/github-token' });
  edit(
    'identities/data/support-assistant.yaml',
    /successor: (\S+)/.exec(repo.read('identities/data/support-assistant.yaml'))![0],
    `successor: ${SUCCESSOR}@acme.example`,
  );
  expected.push({
    what: 'successor',
    file: 'identities/data/support-assistant.yaml',
    rule: 'secret/aws-access-key-id',
  });
  edit(
    ORG,
    'securityOwners: [dave@acme.example]',
    `securityOwners: [dave@acme.example, ${SECURITY_OWNER}@acme.example]`,
  );
  expected.push({ what: 'security owner', file: ORG, rule: 'secret/known-credential' });
  edit(ORG, '    data:\n      members:', `    data:\n      github: "@acme/${TEAM_HANDLE}"\n      members:`);
  expected.push({ what: 'team handle', file: ORG, rule: 'secret/github-token' });
  edit(
    'identities/data/support-assistant.yaml',
    'table/order-status]',
    `table/order-status, arn:aws:dynamodb:eu-central-1:210987654321:table/${ARN}]`,
  );
  expected.push({ what: 'ARN', file: 'identities/data/support-assistant.yaml', rule: 'secret/known-credential' });
  edit(
    'identities/payments/ledger-writer.yaml',
    'path: kv/data/payments/ledger/*',
    `path: kv/data/payments/${VAULT_PATH}/*`,
  );
  expected.push({ what: 'Vault path', file: 'identities/payments/ledger-writer.yaml', rule: 'secret/vault-token' });
  edit(
    'identities/platform/edge-gateway.yaml',
    /costCenter: (\S+)/.exec(repo.read('identities/platform/edge-gateway.yaml'))![0],
    `costCenter: ${COST_CENTER}`,
  );
  expected.push({ what: 'cost centre', file: 'identities/platform/edge-gateway.yaml', rule: 'secret/vault-token' });

  // Comments next to the lines offboard, revoke and review attest change: their diffs' context.
  edit(
    'identities/payments/settlement-reader.yaml',
    '    owner: alice@acme.example\n',
    `    owner: alice@acme.example\n    # handed over with ${OFFBOARD_COMMENT}\n`,
  );
  expected.push({
    what: 'comment under the owner',
    file: 'identities/payments/settlement-reader.yaml',
    rule: 'secret/known-credential',
  });
  edit(
    'identities/payments/settlement-reader.yaml',
    '  status: active\n',
    `  # key was ${REVOKE_COMMENT}\n  status: active\n  # and ${REVOKE_COMMENT}\n`,
  );
  expected.push({
    what: 'comment around status',
    file: 'identities/payments/settlement-reader.yaml',
    rule: 'secret/known-credential',
  });
  edit(
    'identities/payments/ledger-writer.yaml',
    '    reviewer: alice@acme.example\n',
    `    reviewer: alice@acme.example\n    # ${ATTEST_COMMENT}\n`,
  );
  expected.push({
    what: 'comment under the reviewer',
    file: 'identities/payments/ledger-writer.yaml',
    rule: 'secret/known-credential',
  });

  // File and folder names.
  FILE_NAMES.forEach((f, i) => {
    repo.write(
      `identities/${f.folder}/${f.secret}.yaml`,
      repo.read('identities/platform/edge-gateway.yaml').replace('name: edge-gateway', `name: copy-${i}-gateway`),
    );
    expected.push({
      what: `file name ${f.rule}`,
      file: `identities/${f.folder}/${withheld(f.secret)}.yaml`,
      rule: f.rule,
    });
  });
  repo.write(
    `identities/${FOLDER_NAME.secret}/odd-one.yaml`,
    repo.read('identities/platform/release-bot.yaml').replace('name: release-bot', 'name: odd-one'),
  );
  expected.push({
    what: 'folder name',
    file: `identities/${withheld(FOLDER_NAME.secret)}/odd-one.yaml`,
    rule: FOLDER_NAME.rule,
  });
  repo.commit('current');
}

/** Every file under these folders (not .git), path → content. */
function snapshot(dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string, top: string) => {
    for (const e of readdirSync(d)) {
      if (e === '.git') continue;
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p, top);
      else files.set(`${top}:${relative(top, p)}`, readFileSync(p, 'utf8'));
    }
  };
  for (const d of dirs) walk(d, d);
  return files;
}

// A loopback GitHub that accepts whatever idac sends and keeps every request body.
let github: AcceptingGitHub;
let bodies: string[] = [];
let api = '';

async function startGitHub(): Promise<void> {
  github = await acceptingGitHub();
  bodies = github.bodies;
  api = github.url;
}

/** The CLI in the seeded repository, with no GitHub token unless the step gives one. */
function run(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return idacAsync(args, { cwd: repo.dir, env: { NO_COLOR: '1', GITHUB_TOKEN: undefined, ...env } });
}

interface Step {
  args: string[];
  env?: Record<string, string>;
  /** Exit codes that show the command ran (default 0 or 1). */
  codes?: number[];
}

const FORMATS: Record<string, string[]> = {
  validate: ['text', 'json', 'github', 'sarif'],
  plan: ['text', 'json', 'markdown'],
  codeownersCheck: ['text', 'json', 'github'],
  rotation: ['text', 'json'],
  history: ['text', 'json', 'markdown'],
  report: ['markdown', 'json', 'html', 'csv'],
  whoCan: ['text', 'json'],
  offboard: ['text', 'json'],
  review: ['text', 'json'],
  rules: ['text', 'markdown', 'json'],
};

/** Every command and format, in an order where the edits (offboard --write, revoke, attest) come last. */
function steps(): Step[] {
  const d = ['--dir', repo.dir, '--now', NOW];
  const o = (name: string) => ['--out', join(out, name)];
  const gh = { GITHUB_TOKEN: 'user-token', GITHUB_REPOSITORY: 'acme/identities', GITHUB_API_URL: api };
  const names = [
    'settlement-reader',
    'ledger-writer',
    'nightly-recon',
    'ci-deployer',
    'edge-gateway',
    'release-bot',
    'report-exporter',
    'support-assistant',
    'copy-0-gateway',
    'odd-one',
  ];
  return [
    ...FORMATS.validate!.flatMap((f) => [
      { args: ['validate', ...d, '--format', f] },
      { args: ['validate', ...d, '--format', f, ...o(`validate.${f}`)] },
    ]),
    ...FORMATS.plan!.flatMap((f) => [
      { args: ['plan', ...d, '--base', baseSha, '--format', f] },
      { args: ['plan', ...d, '--base', leakSha, '--head', 'HEAD', '--format', f, ...o(`plan.${f}`)] },
    ]),
    { args: ['apply', ...d, '--preview'], codes: [0, 1, 2] },
    { args: ['apply', ...d, '--preview', '--format', 'json', ...o('apply.json')], codes: [0, 1, 2] },
    { args: ['codeowners', ...d] },
    ...FORMATS.codeownersCheck!.map((f) => ({
      args: ['codeowners', ...d, '--check', '--format', f, ...o(`codeowners.${f}`)],
    })),
    { args: ['github', 'comment', ...d, '--plan', join(out, 'plan.markdown'), '--pr', '7'], env: gh },
    { args: ['github', 'audit', ...d, '--window', '400d', '--dry-run', ...o('audit.md')] },
    { args: ['github', 'audit', ...d, '--window', '400d'], env: gh },
    ...FORMATS.rotation!.flatMap((f) => [
      { args: ['rotation', ...d, '--format', f] },
      { args: ['rotation', ...d, '--format', f, ...o(`rotation.${f}`)] },
    ]),
    ...FORMATS.history!.flatMap((f) => [
      { args: ['history', ...d, '--all', '--format', f, ...o(`history.${f}`)] },
      { args: ['history', ...d, 'nightly-recon', '--format', f] },
      { args: ['history', ...d, 'report-exporter', '--format', f] },
    ]),
    ...FORMATS.report!.flatMap((f) => [
      { args: ['report', ...d, '--format', f] },
      { args: ['report', ...d, '--format', f, ...o(`report.${f}`)] },
    ]),
    ...FORMATS.whoCan!.flatMap((f) => [
      {
        args: [
          'who-can',
          ...d,
          'dynamodb:GetItem',
          'arn:aws:dynamodb:eu-central-1:210987654321:table/*',
          '--format',
          f,
          ...o(`who-can.${f}`),
        ],
      },
      { args: ['who-can', ...d, 's3:GetObject', 'arn:aws:s3:::bank-drop/settlements/x', '--format', f] },
      ...names.map((n) => ({ args: ['who-can', ...d, '--identity', n, '--format', f] })),
    ]),
    ...FORMATS.review!.flatMap((f) => [
      { args: ['review', ...d, '--format', f, ...o(`review.${f}`)] },
      { args: ['review', ...d, '--format', f, '--due', '3650d'] },
    ]),
    ...FORMATS.rules!.map((f) => ({ args: ['rules', ...d, '--format', f] })),
    ...FORMATS.offboard!.map((f) => ({
      args: ['offboard', ...d, 'alice@acme.example', '--format', f, ...o(`offboard.${f}`)],
    })),
    { args: ['offboard', ...d, 'heidi@acme.example'] },
    { args: ['offboard', ...d, 'alice@acme.example', '--write', '--successor', 'carol@acme.example'] },
    { args: ['review', 'attest', 'ledger-writer', ...d, '--reviewer', 'dave@acme.example'] },
    { args: ['revoke', 'settlement-reader', ...d, '--reason', 'INC-1'] },
  ];
}

beforeAll(async () => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  baseSha = git(repo.dir, 'rev-parse', 'HEAD');
  out = mkdtempSync(join(tmpdir(), 'idac-every-out-'));
  plant();
  await startGitHub();
});

afterAll(async () => {
  await new Promise<void>((r) => github.server.close(() => r()));
  rmSync(repo.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a secret never leaves through any door', () => {
  it(
    'validate finds every planted secret, where it is planted ' +
      '(file names with the fingerprint in place of the token)',
    async () => {
      const r = await run(['validate', '--dir', repo.dir, '--now', NOW, '--format', 'json']);
      expect(r.code, r.stderr).toBe(1);
      const findings = (JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] }).findings;
      const missing = expected.filter((e) => !findings.some((f) => f.file === e.file && f.rule === e.rule));
      expect(missing).toEqual([]);
    },
  );

  it(
    'every command and format: no 12 characters of a secret in stdout, stderr, a file it writes or changes, ' +
      'or a request to GitHub',
    async () => {
      const problems: string[] = [];
      for (const step of steps()) {
        const before = snapshot([repo.dir, out]);
        const sent = bodies.length;
        const r = await run(step.args, step.env);
        const what = `idac ${step.args.filter((a) => a !== repo.dir && !a.startsWith(out)).join(' ')}`;
        if (!(step.codes ?? [0, 1]).includes(r.code))
          problems.push(`${what}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
        if (STACK_TRACE.test(r.stdout + r.stderr)) problems.push(`${what}: stack trace`);
        for (const [stream, text] of [
          ['stdout', r.stdout],
          ['stderr', r.stderr],
        ] as const)
          for (const l of leaks(text)) problems.push(`${what}: ${stream}: ${l}`);
        for (const [file, text] of snapshot([repo.dir, out])) {
          const was = before.get(file);
          if (was === text) continue;
          // An edited manifest keeps the secrets it held (they are the user's to remove): it must gain none.
          const gained = WINDOWS.filter((w) => text.includes(w) && !(was ?? '').includes(w));
          if (gained.length > 0)
            problems.push(
              `${what}: wrote ${file}: ${leaks(text)
                .filter((l) => gained.some((w) => l.includes(w)))
                .join(' | ')}`,
            );
        }
        for (const b of bodies.slice(sent)) for (const l of leaks(b)) problems.push(`${what}: sent to GitHub: ${l}`);
      }
      expect(problems).toEqual([]);
      // The requests were made: the plan comment and the audit issue.
      const requests = bodies.map((b) => b.slice(0, b.indexOf(':')));
      expect(requests).toContain('POST /repos/acme/identities/issues/7/comments');
      expect(requests).toContain('POST /repos/acme/identities/issues');
    },
    600_000,
  );

  it(
    'CODEOWNERS has no line for a file named after a token, an owner or successor that holds one, or a team ' +
      'handle that is one',
    () => {
      const text = readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8');
      expect(text).toContain('/identities/payments/ledger-writer.yaml ');
      expect(text).not.toContain('report-exporter.yaml');
      expect(text).not.toContain('support-assistant.yaml');
      expect(text).not.toContain('[secret');
      expect(text).not.toContain('/identities/data/ ');
    },
  );
});
