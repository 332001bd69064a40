// idac as a library: a throw-away project installs this package by path (a folder link, no
// network), imports it by name and uses the API; what it prints is byte for byte what the CLI
// prints, because the CLI runs the same functions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACME } from './acme.js';
import { idac, root } from './cli.js';
import { GitRepo } from './git.js';

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';
let project: string;

function node(args: string[], cwd = project): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Refuses any @pulumi/* module: importing idac must not load the Pulumi SDK (only apply does).
const NO_PULUMI = `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@pulumi/')) throw new Error('loaded ' + specifier);
  return next(specifier, context);
}
`;

// Loads a repository, validates it and renders the findings and a plan, all through the API.
const SCRIPT =
  `import { loadRepository, messageOf, parseInstant, plan, renderFindings, renderPlan, validate, workingTree, ` +
  `ORG_FILE } from 'idac';
const [dir] = process.argv.slice(2);
const now = parseInstant('${NOW}');
const repo = await loadRepository(workingTree(dir), { check: { now } });
if (!repo.ok) throw new Error(messageOf(repo));
const v = await validate(workingTree(dir), { paths: ['identities'], now });
if (!v.ok) throw new Error(messageOf(v));
const findings = await renderFindings('json', { identities: repo.value.checked, findings: repo.value.findings, ` +
  `limit: { max: 500, hint: '--max-findings 500' } }, { color: false, dir });
const p = await plan({ dir, base: 'main', head: undefined, now, window: { ms: 7 * 86400000, text: '7d' }, ` +
  `allowDeletions: 0 });
if (!p.ok) throw new Error(messageOf(p));
console.log(JSON.stringify({
  org: repo.value.org?.kind ?? null,
  orgFile: ORG_FILE,
  identities: repo.value.identities.map((i) => i.data.metadata.name),
  position: repo.value.identities.find((i) => i.path === '${READER}').at(['spec', 'purpose']),
  skipped: repo.value.skipped.length,
  sameFindings: JSON.stringify(v.value.findings) === JSON.stringify(repo.value.findings),
  findings,
  plan: await renderPlan('json', p.value),
}));
`;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/index.js is missing: build first (npx tsc -p tsconfig.json)');
  project = mkdtempSync(join(tmpdir(), 'idac-library-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-idac', private: true, type: 'module' }));
  // A folder install is a link: no registry is asked, nothing is built.
  const npm = spawnSync('npm', ['install', root, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: project,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (npm.status !== 0) throw new Error(`npm install ${root}: ${npm.stderr}`);
  writeFileSync(join(project, 'no-pulumi.mjs'), NO_PULUMI);
  writeFileSync(
    join(project, 'register.mjs'),
    "import { register } from 'node:module';\nregister('./no-pulumi.mjs', import.meta.url);\n",
  );
  writeFileSync(join(project, 'use.mjs'), SCRIPT);
}, 120_000);

describe('import idac', () => {
  it('node -e "import(\'idac\')" exposes the API', () => {
    const r = node(['-e', "import('idac').then((m) => console.log(JSON.stringify(Object.keys(m).sort())))"]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(
      expect.arrayContaining([
        'compileIdentity',
        'gitRevision',
        'loadOrg',
        'loadRepository',
        'plan',
        'renderFindings',
        'renderPlan',
        'rules',
        'validate',
        'workingTree',
      ]),
    );
  });

  it('loads no @pulumi module (and the guard does refuse one)', () => {
    expect(node(['--import', './register.mjs', '-e', "await import('idac')", '--input-type=module'])).toMatchObject({
      code: 0,
      stderr: '',
    });
    const guard = node(['--import', './register.mjs', '-e', "await import('@pulumi/pulumi')", '--input-type=module']);
    expect(guard.code).not.toBe(0);
    expect(guard.stderr).toContain('loaded @pulumi/pulumi');
  });

  it('package.json is exported, the rest of the package is not reachable by path', () => {
    expect(
      node(['-e', "import('idac/package.json', { with: { type: 'json' } }).then((m) => console.log(m.default.name))"])
        .stdout,
    ).toBe('idac\n');
    expect(
      node(['-e', "import('idac/dist/cli/main.js').then(() => console.log('reached'), (e) => console.log(e.code))"])
        .stdout,
    ).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED\n');
  });
});

describe('a script using the API', () => {
  it('loads a repository, validates it and renders findings and a plan exactly as the CLI does', () => {
    const repo = GitRepo.fromFolder(ACME);
    repo.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject*, s3:ListBucket]');
    const r = node(['use.mjs', repo.dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      org: string;
      orgFile: string;
      identities: string[];
      position: { line: number; column: number };
      skipped: number;
      sameFindings: boolean;
      findings: string;
      plan: string;
    };
    expect(out.org).toBe('Organization');
    expect(out.orgFile).toBe('identities/org.yaml');
    expect(out.identities).toContain('settlement-reader');
    expect(out.identities.length).toBeGreaterThan(3);
    expect(out.position).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    expect(out.position.line).toBeGreaterThan(1);
    expect(out.skipped).toBe(0);
    expect(out.sameFindings).toBe(true);
    const cliFindings = idac(['validate', '--dir', repo.dir, '--now', NOW, '--format', 'json']);
    expect(out.findings).toBe(cliFindings.stdout);
    const cliPlan = idac(['plan', '--dir', repo.dir, '--base', 'main', '--now', NOW, '--format', 'json']);
    expect(out.plan).toBe(cliPlan.stdout);
    const plan = JSON.parse(out.plan) as {
      identities: { changed: { name: string }[] };
      access: { gained: { identity: string }[] };
    };
    expect(plan.identities.changed.map((c) => c.name)).toEqual(['settlement-reader']);
    expect(plan.access.gained.map((g) => g.identity)).toContain('settlement-reader');
  });
});
