// The history bench: a repository of 200 identities with 2,000 commits on top (each changes one
// identity: a grant widened or narrowed, or its owner handed over; every tenth a merge-style PR
// subject), built in one `git fast-import` so building it costs seconds; then `idac history --all`
// and `idac history NAME` over it. Prints numbers; asserts only that the output is complete.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateFleet } from './fleet.mjs';

export function buildHistoryRepo(dir, identities = 200, commits = 2000) {
  const marker = join(dir, `.complete-${identities}-${commits}`);
  if (existsSync(marker)) return;
  rmSync(dir, { recursive: true, force: true });
  generateFleet(dir, identities);
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) files.push(p.slice(dir.length + 1));
    }
  };
  walk(join(dir, 'identities'));
  files.sort();
  const text = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const manifests = files.filter((f) => !f.endsWith('org.yaml'));
  const chunks = [];
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  let when = Date.parse('2025-01-01T00:00:00Z') / 1000;
  const commit = (subject, changes) => {
    when += 3600;
    chunks.push(
      `commit refs/heads/main\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench ` +
        `<bench@example.com> ${when} +0000\n${data(subject)}`,
    );
    for (const [path, content] of changes) chunks.push(`M 100644 inline ${path}\n${data(content)}`);
    chunks.push('\n');
  };
  commit(
    'fleet (#1)',
    files.map((f) => [f, text.get(f)]),
  );
  for (let i = 0; i < commits; i++) {
    const f = manifests[(i * 7919) % manifests.length];
    let t = text.get(f);
    if (i % 3 === 0)
      t = t.includes('s3:GetObject, s3:ListBucket')
        ? t.replace('s3:GetObject, s3:ListBucket', 's3:GetObject*, s3:ListBucket')
        : t.replace('s3:GetObject*, s3:ListBucket', 's3:GetObject, s3:ListBucket');
    else if (i % 3 === 1) t = t.replace(/owner: p(\d)\./, (_m, d) => `owner: p${d === '0' ? '2' : '0'}.`);
    else t = t.replace(/lastReviewed: 2026-\d\d-\d\d/, `lastReviewed: 2026-${String((i % 9) + 1).padStart(2, '0')}-15`);
    text.set(f, t);
    commit(i % 10 === 0 ? `Merge pull request #${i + 2} from bench/c${i}` : `change ${i} (#${i + 2})`, [[f, t]]);
  }
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], chunks.join(''));
  git(['reset', '-q', '--hard', 'main']);
  spawnSync('touch', [marker]);
}

export function historyBench(repoRoot, work, timed, fmt) {
  const dir = join(work, 'history-2000');
  const t0 = performance.now();
  buildHistoryRepo(dir);
  const built = performance.now() - t0;
  const all = timed(process.execPath, [
    join(repoRoot, 'dist/cli.js'),
    'history',
    '--all',
    '--dir',
    dir,
    '--format',
    'json',
  ]);
  if (all.r.status !== 0) throw new Error(`history --all exited ${all.r.status}: ${all.r.stderr.slice(0, 300)}`);
  const entries = JSON.parse(all.r.stdout).commits.length;
  const one = timed(process.execPath, [
    join(repoRoot, 'dist/cli.js'),
    'history',
    'svc-000000',
    '--dir',
    dir,
    '--format',
    'json',
  ]);
  if (one.r.status !== 0) throw new Error(`history NAME exited ${one.r.status}: ${one.r.stderr.slice(0, 300)}`);
  console.log(`\nhistory  200 identities, 2,001 commits${built > 50 ? ` (built in ${fmt(built)})` : ''}`);
  console.log(
    `  --all    ${fmt(all.wall).padStart(9)}  ${entries.toLocaleString('en')} entries  ` +
      `${(2001 / (all.wall / 1000)).toFixed(0)} commits/s`,
  );
  console.log(
    `  one      ${fmt(one.wall).padStart(9)}  (svc-000000, ${JSON.parse(one.r.stdout).commits.length} entries)`,
  );
}
