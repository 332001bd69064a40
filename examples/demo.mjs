#!/usr/bin/env node
// `npm run demo`: the main job on the bundled example repos, no cloud and no credentials.
// examples/acme must validate clean; examples/risky fails on purpose (one identity per risk
// family), so its findings are shown and its exit code 1 is the expected outcome.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NOW = '2026-11-23';

function run(title, args) {
  process.stdout.write(`\n\u2500\u2500 ${title}\n$ idac ${args.join(' ')}\n\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status;
}

const acme = run('examples/acme: a well-governed identity repo', ['validate', '--dir', 'examples/acme', '--now', NOW]);
const risky = run('examples/risky: one identity per risk family (fails on purpose)', ['validate', '--dir', 'examples/risky', '--now', NOW]);

if (acme !== 0) {
  console.error(`\ndemo: examples/acme should validate clean but exited ${acme}`);
  process.exit(1);
}
if (risky !== 1) {
  console.error(`\ndemo: examples/risky should report error findings (exit 1) but exited ${risky}`);
  process.exit(1);
}
console.log('\ndemo: acme is clean; every finding above for risky is expected.');
