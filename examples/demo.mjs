#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example repos, no cloud and no credentials.
// examples/acme must validate clean; examples/risky fails on purpose (one identity per risk
// family), so its findings are shown and its exit code 1 is the expected outcome.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NOW = '2026-11-23';
// `npm run demo -- --format markdown|json` prints the plan in that format (the PR comment, or the data);
// `--keep` keeps the temp git repo the plan runs on and prints its path, so the closing hint can be followed.
const USAGE = 'usage: npm run demo -- [--format text|markdown|json] [--keep]';
const planArgs = [];
let keep = false;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  const format = arg === '--format' ? process.argv[++i] : arg.startsWith('--format=') ? arg.slice(9) : null;
  if (arg === '--keep') keep = true;
  else if (format !== null && ['text', 'markdown', 'json'].includes(format)) planArgs.push('--format', format);
  else {
    console.error(
      `demo: ${format === null ? `unknown argument ${arg}` : `--format takes text, markdown or json`}\n${USAGE}`,
    );
    process.exit(2);
  }
}

function run(title, args) {
  process.stdout.write(`\n\u2500\u2500 ${title}\n$ idac ${args.join(' ')}\n\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status;
}

const acme = run('examples/acme: a well-governed identity repo', ['validate', '--dir', 'examples/acme', '--now', NOW]);
const risky = run('examples/risky: one identity per risk family (fails on purpose)', [
  'validate',
  '--dir',
  'examples/risky',
  '--now',
  NOW,
]);

// plan: a git history built on the fly (no nested .git is committed): examples/acme as the base
// commit, then a pull request's worth of changes as the head commit.
const tmp = mkdtempSync(join(tmpdir(), 'idac-demo-'));
const git = (...args) => {
  const r = spawnSync('git', args, {
    cwd: tmp,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@acme.example',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@acme.example',
      GIT_AUTHOR_DATE: '2026-11-20T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-20T10:00:00Z',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};
const planHint = ['--dir', tmp, '--base', 'main', '--head', 'change', '--now', NOW];
let plan;
try {
  cpSync(join(root, 'examples/acme'), tmp, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'acme identities');
  const edit = (path, from, to) => {
    const file = join(tmp, path);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`demo: ${path} no longer holds ${from}`);
    writeFileSync(file, text.replace(from, to));
  };
  // Widen a permission with a wildcard: the plan shows one line per pattern as written, with how
  // many actions it adds (the exact list is in --format json, and collapsed in --format markdown).
  edit(
    'identities/payments/settlement-reader.yaml',
    'actions: [s3:GetObject, s3:ListBucket]',
    'actions: [s3:GetObject*, s3:ListBucket]',
  );
  // Suspend a bot: its bindings go, the service account stays.
  edit('identities/platform/release-bot.yaml', '  access:\n', '  status: suspended\n  access:\n');
  // A new member of the payments team: the organization is part of the plan.
  edit(
    'identities/org.yaml',
    'members: [alice@acme.example, bob@acme.example, carol@acme.example]',
    'members: [alice@acme.example, bob@acme.example, carol@acme.example, kim@acme.example]',
  );
  // A new way in: ledger-ci's role also trusts the pipelines of the release branch (its one oidc
  // trust becomes a list). The plan shows who can now become the identity, above everything else.
  edit(
    'identities/payments/ledger-ci.yaml',
    [
      '        oidc:',
      '          provider: gitlab',
      '          audience: https://gitlab.com',
      '          subject: project_path:acme/ledger:ref_type:branch:ref:main',
      '',
    ].join('\n'),
    [
      '        oidc:',
      '          - provider: gitlab',
      '            audience: https://gitlab.com',
      '            subject: project_path:acme/ledger:ref_type:branch:ref:main',
      '          - provider: gitlab',
      '            audience: https://gitlab.com',
      '            subject: project_path:acme/ledger:ref_type:branch:ref:release',
      '',
    ].join('\n'),
  );
  // A new identity.
  writeFileSync(
    join(tmp, 'identities/payments/fx-rates-bot.yaml'),
    readFileSync(join(root, 'examples/fx-rates-bot.yaml'), 'utf8'),
  );
  git('checkout', '-q', '-b', 'change');
  git('add', '-A');
  git(
    'commit',
    '-q',
    '-m',
    'payments: fx-rates-bot; widen settlement-reader; ledger-ci releases from release; suspend release-bot',
  );
  plan = run('plan: what the pull request "change" does, against main (a temp git repo)', [
    'plan',
    ...planHint,
    ...planArgs,
  ]);
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
}
if (keep) console.log(`\ndemo: the temp repo is kept at ${tmp} (remove it when done)`);

if (acme !== 0) {
  console.error(`\ndemo: examples/acme should validate clean but exited ${acme}`);
  process.exit(1);
}
if (risky !== 1) {
  console.error(`\ndemo: examples/risky should report error findings (exit 1) but exited ${risky}`);
  process.exit(1);
}
if (plan !== 0) {
  console.error(`\ndemo: the plan should have no error findings but exited ${plan}`);
  process.exit(1);
}
console.log('\ndemo: acme is clean; every finding above for risky is expected; the plan shows the pull request.');
if (keep) {
  console.log(`Follow it up on the kept repo:\n  npx idac plan ${planHint.join(' ')} --format markdown`);
} else {
  console.log('Try npm run demo -- --format markdown (the PR comment) or --format json;');
  console.log('add --keep to keep the temp repo and run idac plan on it yourself.');
}
