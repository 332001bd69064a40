// Issue 13 items 6, 8 and 9 through the built CLI: one truth per check (CODEOWNERS, --max-findings,
// expiry), findings that carry their fix and documentation URL, and GitHub/SARIF paths that land on
// the right file when the identity repo is a subfolder of a larger git repository.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleById } from '../../src/rules/index.js';
import { idac, repo, root } from './cli.js';
import { ACME_CA } from './acme.js';
import { git, GitRepo } from './git.js';

const ACME = join(root, 'examples/acme');
const ORG = readFileSync(join(ACME, 'identities/org.yaml'), 'utf8');
const NOW = ['--now', '2026-11-23'];
const DOCS = 'https://github.com/idac-dev/idac/blob/main/docs/rules';
const fix = (rule: string) => ruleById.get(rule)!.meta.fix;

/** A valid payments identity under examples/acme's org.yaml; `review: false` drops spec.review (a warning). */
function identity(name: string, opts: { expires?: string; review?: boolean; extra?: string } = {}): string {
  return [
    'apiVersion: idac/v1',
    'kind: MachineIdentity',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: workload',
    '  purpose: Reads settlement files from the bank drop bucket.',
    ...(opts.extra ? [opts.extra] : []),
    '  stewardship:',
    '    owner: alice@acme.example',
    '    successor: bob@acme.example',
    '    team: payments',
    '    costCenter: CC-1042',
    `  expires: ${opts.expires ?? '2027-05-31'}`,
    ...(opts.review === false ? [] : ['  review:', '    lastReviewed: 2026-10-01', '    reviewer: carol@acme.example']),
    '  access:',
    '    aws:',
    '      account: "123456789012"',
    '      principal: role',
    '      trust:',
    `        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: ${name} }`,
    '      permissions:',
    '        - actions: [s3:GetObject]',
    `          resources: [arn:aws:s3:::bank-drop/${name}/*]`,
    '',
  ].join('\n');
}

/** aaa-reader: a warning (no review); bbb-reader: an error (expired 2026-11-20). Sorted, the warning comes first. */
const TWO = {
  ...ACME_CA,
  'identities/org.yaml': ORG,
  'identities/payments/aaa-reader.yaml': identity('aaa-reader', { review: false }),
  'identities/payments/bbb-reader.yaml': identity('bbb-reader', { expires: '2026-11-20' }),
};
const REVIEW_MISSING = {
  rule: 'lifecycle/review-missing',
  severity: 'warning',
  file: 'identities/payments/aaa-reader.yaml',
  line: 5,
  column: 1,
  identity: 'aaa-reader',
  message: 'no review recorded in spec.review (org.yaml asks for one every 180d)',
  fix: fix('lifecycle/review-missing'),
  docs: `${DOCS}/lifecycle/review-missing.md`,
};
const EXPIRED = {
  rule: 'lifecycle/expired',
  severity: 'error',
  file: 'identities/payments/bbb-reader.yaml',
  line: 13,
  column: 12,
  identity: 'bbb-reader',
  message: 'expired: spec.expires is 2026-11-20 (valid through the end of that day, UTC)',
  fix: fix('lifecycle/expired'),
  docs: `${DOCS}/lifecycle/expired.md`,
};

function copyAcme(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-findings-'));
  cpSync(ACME, dir, { recursive: true });
  return dir;
}

describe('one truth per check (issue 13 item 6)', () => {
  it(
    'a CODEOWNERS line for a removed identity: validate and ' +
      'codeowners --check give the same finding, in every format',
    () => {
      const dir = copyAcme();
      rmSync(join(dir, 'identities/platform/release-bot.yaml'));
      const stale = {
        rule: 'codeowners/stale',
        severity: 'error',
        file: '.github/CODEOWNERS',
        line: 33,
        column: 1,
        identity: null,
        message:
          '.github/CODEOWNERS line 33 names /identities/platform/release-bot.yaml, which is no longer an ' +
          'identity file; run `idac codeowners` and commit the result',
        fix: fix('codeowners/stale'),
        docs: `${DOCS}/codeowners/stale.md`,
      };
      const v = idac(['validate', '--dir', dir, ...NOW, '--format', 'json']);
      const c = idac(['codeowners', '--check', '--dir', dir, ...NOW, '--format', 'json']);
      expect([v.code, c.code]).toEqual([1, 1]);
      expect(JSON.parse(v.stdout)).toEqual({ identities: 15, findings: [stale] });
      expect(JSON.parse(c.stdout)).toEqual({ identities: 15, findings: [stale] });
      const line =
        '::error file=.github/CODEOWNERS,line=33,col=1,title=codeowners/stale::.github/CODEOWNERS line 33 ' +
        'names /identities/platform/release-bot.yaml, which is no longer an identity file; run `idac ' +
        'codeowners` and commit the result';
      expect(idac(['validate', '--dir', dir, ...NOW, '--format', 'github']).stdout).toBe(
        `${line}\n✖ 1 error, 0 warnings in 1 file; 15 identities checked\n`,
      );
      expect(idac(['codeowners', '--check', '--dir', dir, ...NOW, '--format', 'github']).stdout).toBe(
        `${line}\n✖ 1 error, 0 warnings in 1 file; 15 identities checked\n`,
      );
      const text =
        '.github/CODEOWNERS:33:1  error  codeowners/stale  .github/CODEOWNERS line 33 names ' +
        '/identities/platform/release-bot.yaml, which is no longer an identity file; run `idac codeowners` and ' +
        'commit the result';
      expect(idac(['validate', '--dir', dir, ...NOW]).stdout.split('\n')[0]).toBe(text);
      expect(idac(['codeowners', '--check', '--dir', dir, ...NOW]).stdout.split('\n')[0]).toBe(text);
    },
  );

  it(
    'a manifest that does not validate keeps its CODEOWNERS line: not "gone"; --check says to fix it before ' +
      'regenerating',
    () => {
      const dir = copyAcme();
      writeFileSync(join(dir, 'identities/platform/release-bot.yaml'), 'a: [\n');
      const v = JSON.parse(idac(['validate', '--dir', dir, ...NOW, '--format', 'json']).stdout) as {
        findings: { rule: string }[];
      };
      expect(v.findings.map((f) => f.rule)).toEqual(['parse/syntax']);
      const c = idac(['codeowners', '--check', '--dir', dir, ...NOW, '--format', 'json']);
      expect(c.code).toBe(1);
      expect(JSON.parse(c.stdout).findings).toEqual([
        {
          rule: 'codeowners/stale',
          severity: 'error',
          file: '.github/CODEOWNERS',
          line: 1,
          column: 1,
          identity: null,
          message:
            '.github/CODEOWNERS is not what `idac codeowners` writes, but 1 manifest does not validate and ' +
            'would lose its line: fix it first (run idac validate), then run `idac codeowners` and commit the ' +
            'result',
          fix: fix('codeowners/stale'),
          docs: `${DOCS}/codeowners/stale.md`,
        },
      ]);
    },
  );

  it(
    '--max-findings cuts the list only: the summary, JSON truncated and the exit code count every finding ' +
      '(every format)',
    () => {
      const dir = repo(TWO);
      const run = (format: string, max: string) =>
        idac(['validate', '--dir', dir, ...NOW, '--format', format, '--max-findings', max]);

      const json = run('json', '1');
      expect(json.code).toBe(1); // the one error is cut from the list, not from the verdict
      expect(JSON.parse(json.stdout)).toEqual({ identities: 2, findings: [REVIEW_MISSING], truncated: 1 });
      expect(JSON.parse(run('json', '0').stdout)).toEqual({ identities: 2, findings: [], truncated: 2 });
      expect(run('json', '0').code).toBe(1);
      expect(JSON.parse(run('json', '2').stdout)).toEqual({ identities: 2, findings: [REVIEW_MISSING, EXPIRED] });

      const text = run('text', '1');
      expect(text.code).toBe(1);
      expect(text.stdout).toBe(
        [
          'identities/payments/aaa-reader.yaml:5:1  warning  lifecycle/review-missing  no review recorded in ' +
            'spec.review (org.yaml asks for one every 180d)',
          `    fix: ${fix('lifecycle/review-missing')}`,
          '',
          'inventory  2 valid identities in 1 team',
          '  status   2 active',
          '  types    2 workload',
          '  targets  2 aws',
          '  secrets  2 federated (no static secret), 0 with a static credential',
          '',
          '✖ 1 error, 1 warning in 2 files; 2 identities checked (1 more not shown: --max-findings 1)',
          '',
        ].join('\n'),
      );
      expect(run('text', '0').stdout.trimEnd().split('\n').at(-1)).toBe(
        '✖ 1 error, 1 warning in 2 files; 2 identities checked (2 more not shown: --max-findings 0)',
      );

      const github = run('github', '1');
      expect(github.code).toBe(1);
      expect(github.stdout).toBe(
        [
          '::warning file=identities/payments/aaa-reader.yaml,line=5,col=1,title=lifecycle/review-missing::no ' +
            'review recorded in spec.review (org.yaml asks for one every 180d)',
          '✖ 1 error, 1 warning in 2 files; 2 identities checked (1 more not shown: --max-findings 1)',
          '',
        ].join('\n'),
      );

      const sarif = run('sarif', '1');
      expect(sarif.code).toBe(1);
      const log = JSON.parse(sarif.stdout);
      expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['lifecycle/review-missing']);
      expect(log.runs[0].invocations).toEqual([
        {
          executionSuccessful: true,
          toolExecutionNotifications: [
            {
              level: 'warning',
              message: {
                text: '1 more finding not listed (--max-findings 1); the run found 2: 1 error, 1 warning, 0 info',
              },
            },
          ],
        },
      ]);
      // Nothing cut, nothing said.
      expect(JSON.parse(run('sarif', '2').stdout).runs[0].invocations).toBeUndefined();
    },
  );

  it('apply refuses on errors and its summary counts every error, not the 50 it lists', () => {
    const files: Record<string, string> = { ...ACME_CA, 'identities/org.yaml': ORG };
    for (let i = 0; i < 53; i++)
      files[`identities/payments/svc-${String(i).padStart(2, '0')}-reader.yaml`] = identity(
        `svc-${String(i).padStart(2, '0')}-reader`,
        { expires: '2026-11-20' },
      );
    const r = idac(['apply', '--dir', repo(files), ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/lifecycle\/expired/g)).toHaveLength(50);
    expect(r.stderr).toContain(
      '\n✖ 53 errors, 0 warnings in 53 files; 53 identities checked (3 more not shown: idac validate lists ' +
        'them all)\nidac apply: the repository has 53 errors (idac validate shows them all). Nothing was ' +
        'applied.\n',
    );
  });

  it('the audit issue says "expired since" the day after expires, on the day validate and plan call it expired', () => {
    const g = GitRepo.fromFolder(repo(TWO));
    const dir = g.dir;
    const audit = (now: string) =>
      idac(['github', 'audit', '--dry-run', '--dir', dir, '--now', now, '--window', '1d']).stdout;
    const line = (when: string) =>
      `- \`bbb-reader\` (\`identities/payments/bbb-reader.yaml\`): ${when} — \`expires 2026-11-20: extend ` +
      `it or decommission the identity\`; owner @alice-acme, successor @bob-acme, team @acme/payments`;
    const expired = (now: string) =>
      (
        JSON.parse(idac(['validate', '--dir', dir, '--now', now, '--format', 'json']).stdout) as {
          findings: { rule: string }[];
        }
      ).findings.some((f) => f.rule === 'lifecycle/expired');
    // The last valid day.
    expect(expired('2026-11-20T23:59:59Z')).toBe(false);
    expect(audit('2026-11-20T23:59:59Z')).toContain(`${line('expired from 2026-11-21')}\n`);
    // The first expired day.
    expect(expired('2026-11-21')).toBe(true);
    expect(audit('2026-11-21')).toContain(`${line('**expired** since 2026-11-21')}\n`);
    // plan's due date is the same instant.
    g.branch('touch').edit('identities/payments/bbb-reader.yaml', 'purpose: Reads', 'purpose: Still reads');
    const plan = JSON.parse(
      idac([
        'plan',
        '--dir',
        dir,
        '--base',
        'main',
        '--head',
        g.commit('touch'),
        '--now',
        '2026-11-20',
        '--window',
        '1d',
        '--format',
        'json',
      ]).stdout,
    ) as { due: { identity: string; kind: string; at: string }[] };
    expect(plan.due.filter((d) => d.kind === 'expiry').map((d) => [d.identity, d.at])).toEqual([
      ['bbb-reader', '2026-11-21T00:00:00Z'],
    ]);
  });
});

describe('findings carry their documentation (issue 13 item 8)', () => {
  it("validate --format json: each finding has its rule's fix and docs URL", () => {
    const r = idac(['validate', '--dir', repo(TWO), ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ identities: 2, findings: [REVIEW_MISSING, EXPIRED] });
  });

  it('every docs URL names a page that exists under docs/rules', () => {
    const catalogue = JSON.parse(idac(['rules', '--format', 'json']).stdout) as {
      rules: { id: string; docs: string }[];
    };
    expect(catalogue.rules.length).toBe(ruleById.size);
    for (const r of catalogue.rules) {
      expect(r.docs).toBe(`${DOCS}/${r.id}.md`);
      expect(readFileSync(join(root, 'docs/rules', `${r.id}.md`), 'utf8')).toMatch(/^# `/);
    }
  });

  it('text: the fix is printed once per rule and file, under the first finding', () => {
    const two = identity('ccc-reader', { extra: '  colour: blue\n  flavour: mint' });
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': ORG,
      'identities/payments/ccc-reader.yaml': two,
      'identities/payments/ddd-reader.yaml': two.replace(/ccc-reader/g, 'ddd-reader'),
    });
    const r = idac(['validate', '--dir', dir, ...NOW]);
    expect(r.code).toBe(1);
    const finding = (file: string, line: number, key: string) =>
      `identities/payments/${file}.yaml:${line}:3  error  schema/unknown-key  unknown key "${key}" in spec; `;
    const lines = r.stdout.split('\n');
    const fixLine = `    fix: ${fix('schema/unknown-key')}`;
    expect(lines.slice(0, 6).map((l) => l.replace(/(unknown key "[a-z]+" in spec; ).*/, '$1'))).toEqual([
      finding('ccc-reader', 8, 'colour'),
      fixLine,
      finding('ccc-reader', 9, 'flavour'),
      finding('ddd-reader', 8, 'colour'),
      fixLine,
      finding('ddd-reader', 9, 'flavour'),
    ]);
  });

  it('SARIF: each rule has helpUri; informationUri is package.json homepage', () => {
    const log = JSON.parse(idac(['validate', '--dir', repo(TWO), ...NOW, '--format', 'sarif']).stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://github.com/idac-dev/idac');
    expect(driver.rules.map((r: { id: string; helpUri: string }) => [r.id, r.helpUri])).toEqual([
      ['lifecycle/expired', `${DOCS}/lifecycle/expired.md`],
      ['lifecycle/review-missing', `${DOCS}/lifecycle/review-missing.md`],
    ]);
  });

  it("plan --format json: findings carry fix and docs, the plan's own (plan/…) too", () => {
    const g = GitRepo.fromFolder(repo(TWO));
    g.branch('change').edit('identities/payments/aaa-reader.yaml', '  purpose:', '  purpse: x\n  purpose:');
    const r = idac(['plan', '--dir', g.dir, '--base', 'main', '--head', g.commit('typo'), ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([
      {
        rule: 'schema/unknown-key',
        severity: 'error',
        file: 'identities/payments/aaa-reader.yaml',
        line: 7,
        column: 3,
        identity: 'aaa-reader',
        message: 'unknown key "purpse" in spec; did you mean "purpose"?',
        fix: fix('schema/unknown-key'),
        docs: `${DOCS}/schema/unknown-key.md`,
      },
    ]);

    const many: Record<string, string> = { ...ACME_CA, 'identities/org.yaml': ORG };
    for (let i = 0; i < 11; i++) many[`identities/payments/gone-${i}-reader.yaml`] = identity(`gone-${i}-reader`);
    const m = GitRepo.fromFolder(repo(many));
    m.branch('delete');
    for (let i = 0; i < 11; i++) m.remove(`identities/payments/gone-${i}-reader.yaml`);
    const p = idac([
      'plan',
      '--dir',
      m.dir,
      '--base',
      'main',
      '--head',
      m.commit('delete'),
      ...NOW,
      '--format',
      'json',
    ]);
    expect(p.code).toBe(1);
    expect(
      (JSON.parse(p.stdout) as { findings: { rule: string; fix: unknown; docs: unknown }[] }).findings.map((f) => [
        f.rule,
        f.fix,
        f.docs,
      ]),
    ).toEqual([['plan/mass-deletion', fix('plan/mass-deletion'), `${DOCS}/plan/mass-deletion.md`]]);
  });

  it('the URL is read from package.json at run time: change homepage in one place and every URL follows', () => {
    const install = mkdtempSync(join(tmpdir(), 'idac-install-'));
    // What package.json `files` ships.
    for (const f of ['dist', 'schema', 'pulumi.yaml']) cpSync(join(root, f), join(install, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(install, 'node_modules'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(install, 'package.json'),
      JSON.stringify({ ...pkg, homepage: 'https://git.example.com/fork/idac/' }),
    );
    // idac() runs this checkout's dist/; run the copy directly.
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(install, 'dist/cli.js'), ...args], { encoding: 'utf8' }).stdout;
    const dir = repo(TWO);
    const fork = 'https://git.example.com/fork/idac/blob/main/docs/rules';
    expect(
      (
        JSON.parse(run(['validate', '--dir', dir, ...NOW, '--format', 'json'])) as { findings: { docs: string }[] }
      ).findings.map((f) => f.docs),
    ).toEqual([`${fork}/lifecycle/review-missing.md`, `${fork}/lifecycle/expired.md`]);
    const driver = JSON.parse(run(['validate', '--dir', dir, ...NOW, '--format', 'sarif'])).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://git.example.com/fork/idac/');
    expect(driver.rules[0].helpUri).toBe(`${fork}/lifecycle/expired.md`);
    expect((JSON.parse(run(['rules', '--format', 'json'])) as { rules: { docs: string }[] }).rules[0]!.docs).toBe(
      `${fork}/agent/no-static-credential.md`,
    );
  });
});

describe('paths for monorepos (issue 13 item 9)', () => {
  /** A git repository whose identity repo is the folder `platform/iam id/` (a space, to check the URI encoding). */
  function monorepo(): { top: string; sub: string } {
    const top = mkdtempSync(join(tmpdir(), 'idac-mono-'));
    const sub = join(top, 'platform/iam id');
    for (const [path, text] of Object.entries(TWO)) {
      mkdirSync(join(sub, path, '..'), { recursive: true });
      writeFileSync(join(sub, path), text);
    }
    writeFileSync(join(top, 'README.md'), 'a larger repository\n');
    git(top, 'init', '-q', '-b', 'main');
    return { top, sub };
  }
  const WARNING =
    '::warning file=platform/iam id/identities/payments/aaa-reader.yaml,line=5,col=1,title=lifecycle/review-' +
    'missing::no review recorded in spec.review (org.yaml asks for one every 180d)';
  const ERROR =
    '::error file=platform/iam id/identities/payments/bbb-reader.yaml,line=13,col=12,title=lifecycle/expired' +
    '::expired: spec.expires is 2026-11-20 (valid through the end of that day, UTC)';
  const SUMMARY = '✖ 1 error, 1 warning in 2 files; 2 identities checked';
  const uris = (stdout: string) =>
    (
      JSON.parse(stdout).runs[0].results as {
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
      }[]
    ).map((r) => r.locations[0]!.physicalLocation.artifactLocation);

  it('github and SARIF paths are relative to the git root; text and JSON stay relative to --dir', () => {
    const { sub } = monorepo();
    const v = (format: string) => idac(['validate', '--dir', sub, ...NOW, '--format', format]);
    expect(v('github').stdout).toBe(`${WARNING}\n${ERROR}\n${SUMMARY}\n`);
    expect(uris(v('sarif').stdout)).toEqual([
      { uri: 'platform/iam%20id/identities/payments/aaa-reader.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'platform/iam%20id/identities/payments/bbb-reader.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    expect(JSON.parse(v('json').stdout)).toEqual({ identities: 2, findings: [REVIEW_MISSING, EXPIRED] });
    expect(v('text').stdout.split('\n')[0]).toBe(
      'identities/payments/aaa-reader.yaml:5:1  warning  lifecycle/review-missing  no review recorded in ' +
        'spec.review (org.yaml asks for one every 180d)',
    );
    // Run from inside the folder, as the GitHub Action's working-directory does.
    expect(idac(['validate', ...NOW, '--format', 'github'], { cwd: sub }).stdout).toBe(
      `${WARNING}\n${ERROR}\n${SUMMARY}\n`,
    );
    // A deeper PATH argument does not change the root the paths are relative to.
    expect(
      idac(['validate', 'identities/payments/bbb-reader.yaml', '--dir', sub, ...NOW, '--format', 'github']).stdout,
    ).toBe(`${ERROR}\n✖ 1 error, 0 warnings in 1 file; 1 identity checked\n`);
  });

  it(
    'the SARIF fingerprints of a subfolder differ from the same files at the top (two identity repos in one ' +
      'monorepo do not collide)',
    () => {
      const { sub } = monorepo();
      const inSub = JSON.parse(idac(['validate', '--dir', sub, ...NOW, '--format', 'sarif']).stdout).runs[0].results;
      const alone = JSON.parse(idac(['validate', '--dir', repo(TWO), ...NOW, '--format', 'sarif']).stdout).runs[0]
        .results;
      expect(inSub.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).not.toEqual(
        alone.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
      );
    },
  );

  it('codeowners --check --format github: the CODEOWNERS line, from the git root', () => {
    const { sub } = monorepo();
    writeFileSync(join(sub, 'identities/payments/bbb-reader.yaml'), identity('bbb-reader'));
    expect(idac(['codeowners', '--dir', sub]).code).toBe(0);
    rmSync(join(sub, 'identities/payments/bbb-reader.yaml'));
    const r = idac(['codeowners', '--check', '--dir', sub, ...NOW, '--format', 'github']);
    expect(r.code).toBe(1);
    const co = readFileSync(join(sub, '.github/CODEOWNERS'), 'utf8').split('\n');
    const line = co.findIndex((l) => l.startsWith('/identities/payments/bbb-reader.yaml ')) + 1;
    expect(r.stdout).toBe(
      `::error file=platform/iam id/.github/CODEOWNERS,line=${line},col=1,title=codeowners/stale::.github/CO` +
        `DEOWNERS line ${line} names /identities/payments/bbb-reader.yaml, which is no longer an identity ` +
        `file; run \`idac codeowners\` and commit the result\n✖ 1 error, 0 warnings in 1 file; 1 identity ` +
        `checked\n`,
    );
  });

  it('at the git root, outside any git repository, or without git installed: paths as they are, no error', () => {
    const atTop = GitRepo.fromFolder(repo(TWO)).dir;
    const plain = repo(TWO);
    const flat = `${WARNING.replace('platform/iam id/', '')}\n${ERROR.replace('platform/iam id/', '')}\n${SUMMARY}\n`;
    for (const dir of [atTop, plain]) {
      const r = idac(['validate', '--dir', dir, ...NOW, '--format', 'github']);
      expect([r.code, r.stdout, r.stderr]).toEqual([1, flat, '']);
    }
    const { sub } = monorepo();
    // PATH without git: the paths fall back to --dir-relative.
    const noGit = mkdtempSync(join(tmpdir(), 'idac-nogit-'));
    expect(readdirSync(noGit)).toEqual([]);
    const r = idac(['validate', '--dir', sub, ...NOW, '--format', 'github'], { env: { PATH: noGit } });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, flat, '']);
    expect(
      uris(idac(['validate', '--dir', sub, ...NOW, '--format', 'sarif'], { env: { PATH: noGit } }).stdout).map(
        (l) => l.uri,
      ),
    ).toEqual(['identities/payments/aaa-reader.yaml', 'identities/payments/bbb-reader.yaml']);
  });
});
