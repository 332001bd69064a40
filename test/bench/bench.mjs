// npm run bench [-- --100k]: synthetic fleets, and in one run for each: the floor (read + `yaml`
// parse with positions + schema check, one core), the peer (ajv-cli: js-yaml + ajv on the same
// files and schema, no positions, no rules), and `idac validate` (everything), with the ratios.
// Numbers only; tests assert behaviour, never time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateFleet } from './fleet.mjs';
import { historyBench } from './history.mjs';
import { importBench } from './import.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const work = join(repo, '.bench');
const sizes = [1000, 20000, ...(process.argv.includes('--100k') || process.env.BENCH_100K ? [100000] : [])];
const NOW = '2026-11-23';

function timed(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const wall = performance.now() - t0;
  if (r.error) throw r.error;
  return { wall, r };
}

function lastJson(text) {
  const line = text.trim().split('\n').pop();
  return JSON.parse(line);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

console.log(`idac bench — node ${process.version}, ${cpus().length} cores; fleets in .bench/`);
const rows = [];
for (const n of sizes) {
  const dir = join(work, `fleet-${n}`);
  const g0 = performance.now();
  generateFleet(dir, n);
  const gen = performance.now() - g0;
  const floor = timed(process.execPath, [join(repo, 'test/bench/floor.mjs'), dir]);
  const floorStats = lastJson(floor.r.stdout);
  const peer = timed(process.execPath, [
    join(repo, 'node_modules/ajv-cli/dist/index.js'),
    'validate',
    '-s',
    'schema/machine-identity.schema.json',
    '-d',
    `${dir}/identities/*/svc-*.yaml`,
    '--spec=draft7',
    '--strict=false',
    '--all-errors',
  ]);
  const run = (args) => {
    const r = timed(process.execPath, [
      join(repo, 'test/bench/measure.mjs'),
      'validate',
      '--dir',
      dir,
      '--now',
      NOW,
      '--format',
      'json',
      ...args,
    ]);
    const stats = lastJson(r.r.stderr);
    if (stats.code === 2) throw new Error(`validate exited ${stats.code} on fleet-${n}: ${r.r.stderr.slice(0, 500)}`);
    return { wall: r.wall, maxRSS: stats.maxRSS };
  };
  const validate = run([]);
  const plan = planBench(dir, n);
  rows.push({
    n,
    gen,
    floor: floor.wall,
    floorRSS: floorStats.maxRSS,
    peer: peer.wall,
    validate: validate.wall,
    validateRSS: validate.maxRSS,
    plan,
  });
  const last = rows[rows.length - 1];
  console.log(`\nfleet of ${n.toLocaleString('en')} identities${gen > 50 ? ` (generated in ${fmt(gen)})` : ''}`);
  console.log(
    `  floor    read + yaml parse with positions + schema, 1 core   ${fmt(last.floor).padStart(9)}  ` +
      `${(last.floor / n).toFixed(3)} ms/file  peak ${mb(last.floorRSS)}`,
  );
  console.log(
    `  peer     ajv-cli (js-yaml + ajv, no positions, no rules)     ${fmt(last.peer).padStart(9)}  ` +
      `${(last.peer / n).toFixed(3)} ms/file`,
  );
  console.log(
    `  idac     validate: every rule, secrets, positions, both cores ${fmt(last.validate).padStart(8)}  ` +
      `${(last.validate / n).toFixed(3)} ms/file  peak ${mb(last.validateRSS)}`,
  );
  console.log(
    `  ratios   validate / floor = ${(last.validate / last.floor).toFixed(2)}×  (must ≤ 1.5×, target ≤ ` +
      `1.0×)   validate / peer = ${(last.validate / last.peer).toFixed(2)}×`,
  );
  console.log(
    `  plan     one identity changed + one added, working tree vs HEAD ${fmt(last.plan.wall).padStart(6)} ` +
      `(median of ${last.plan.runs})  plan / floor = ${(last.plan.wall / last.floor).toFixed(4)}×  (must ≤ ` +
      `0.05× at 20,000, target ≤ 0.01× at 100,000)`,
  );
}
const r20 = rows.find((r) => r.n === 20000);
const r100 = rows.find((r) => r.n === 100000);
if (r20 && r100) {
  const scale = r100.validate / 100000 / (r20.validate / 20000);
  console.log(
    `\nscaling  per-file cost at 100,000 / at 20,000 = ${scale.toFixed(2)}× (must ≤ 1.15×); peak memory at ` +
      `100,000 = ${mb(r100.validateRSS)} (must < 400 MB)`,
  );
}

/**
 * `idac plan` on the fleet as a git repository (committed once, untimed), with one identity
 * changed and one added in the working tree: its cost must follow the change, not the repo.
 */
function planBench(dir, n) {
  const sh = (...args) => {
    const r = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  if (!existsSync(join(dir, '.git'))) {
    sh('init', '-q', '-b', 'main');
    sh('add', '-A');
    // No automatic gc in the background: the explicit one packs the repo (as FACTS.md measured it).
    sh('-c', 'gc.auto=0', 'commit', '-q', '-m', `fleet of ${n}`);
    sh('gc', '-q');
  }
  sh('checkout', '-q', '-f', 'HEAD');
  sh('clean', '-q', '-fd', '--', 'identities');
  sh('update-index', '-q', '--refresh');
  const changed = join(dir, 'identities/team-0000/svc-000000.yaml');
  const original = readFileSync(changed, 'utf8');
  const added = join(dir, 'identities/team-0001/svc-new.yaml');
  writeFileSync(
    changed,
    original.replace('actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject*, s3:ListBucket]'),
  );
  writeFileSync(
    added,
    readFileSync(join(dir, 'identities/team-0001/svc-000001.yaml'), 'utf8').replaceAll('svc-000001', 'svc-new'),
  );
  const times = [];
  try {
    for (let i = 0; i < 5; i++) {
      const r = timed(process.execPath, [
        join(repo, 'dist/cli.js'),
        'plan',
        '--dir',
        dir,
        '--base',
        'HEAD',
        '--now',
        NOW,
        '--format',
        'json',
      ]);
      // The fleet is valid and the change refuses nothing: any finding of severity error is a bench bug.
      if (r.r.status !== 0)
        throw new Error(
          `plan exited ${r.r.status} on fleet-${n}: ${r.r.stderr.slice(0, 500)}${r.r.stdout.slice(0, 500)}`,
        );
      const plan = JSON.parse(r.r.stdout);
      if (plan.identities.added.length !== 1 || plan.identities.changed.length !== 1)
        throw new Error(`plan on fleet-${n} saw ${JSON.stringify(plan.identities).slice(0, 300)}`);
      times.push(r.wall);
    }
  } finally {
    writeFileSync(changed, original);
    rmSync(added, { force: true });
  }
  return { wall: median(times), runs: times.length };
}

historyBench(repo, work, timed, fmt);
importBench(repo, work, timed, fmt);

// Start-up: `idac --version` against a bare node.
const reps = 15;
const bare = [];
const version = [];
for (let i = 0; i < reps; i++) {
  bare.push(timed(process.execPath, ['-e', '']).wall);
  version.push(timed(process.execPath, [join(repo, 'dist/cli.js'), '--version']).wall);
}
console.log(
  `\nstart-up idac --version ${fmt(median(version))} vs node -e '' ${fmt(median(bare))} (median of ${reps}) ` +
    `= ${(median(version) / median(bare)).toFixed(2)}× (must ≤ 2×)`,
);
